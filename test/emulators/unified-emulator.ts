// unified v2 images API (../shared/vendors/unified-v2-images.txt) as a local, scriptable server.
// Where the document is silent, this emulator chooses, and clients must cope with the choice:
// - Auth is `Authorization: Bearer <key>` (the document names no scheme; Easel chose Bearer).
// - Errors answer JSON `{ "error": <the doc's Error column>, "message": <the doc's Meaning> }`;
//   a 400 adds `details: [{ field, message }]` ("Invalid parameters — check details").
//   Check order: 401 key, 503 queue down, idempotent replay, 400 body, 402 credits.
// - Idempotency-Key is scoped to the API key. The same key with the same body replays the first
//   answer (202, same jobId): no second job, no second charge. The same key with another body
//   is a 400, the way payment APIs treat a reused key.
// - The body must be a JSON object: prompt 1–2,000 characters, a listed model, webhookUrl an
//   http(s) URL, webhookEvents from "progress"/"completed"/"failed", the per-model options as
//   the object `parameters`, reference images as `imageUrls` (http(s) URLs, at most 8) and only
//   for models whose description speaks of image-to-image, editing or references.
// - The jobs endpoint (undocumented) is GET /v2/jobs/:jobId unless `jobsPath` says otherwise.
//   It answers `{ jobId, status, model, progress (0–100), error, creditCost, createdAt,
//   completedAt, ...result }` with status QUEUED → PROCESSING → COMPLETED or FAILED; where the
//   pictures go is `resultShape` (default `result.images`), so clients can be tested on each.
//   Another key's job, or an unknown id, is a 404.
// - Each job costs `costPerJob` credits (default 1) at create; `credits` defaults to unlimited.
import { createHash, randomUUID } from 'node:crypto';
import { bearerKey, KeyGate } from './emulator-auth';
import { CreditAccount } from './emulator-credits';
import { JobStore, renderOnce, type JobPhase, type JobStamp } from './emulator-jobs';
import { EmulatorServer, type EmulatorRequest, type EmulatorResponse } from './emulator-server';
import { expiresIn, type StoredFile } from './file-store';
import { makePng } from './png-factory';

/** The document's "Available models" table, verbatim. */
export const UNIFIED_V2_MODEL_IDS = [
  'midjourney', 'nano-banana', 'nano-banana-pro', 'nano-banana-2', 'flux-1.1-pro', 'flux-1.1-pro-ultra', 'flux-2-pro', 'flux-2-dev',
  'flux-2-flex', 'flux-2-max', 'seedream-3', 'seedream-3.1', 'seedream-4', 'seedream-4.5', 'seedream-5-lite', 'ideogram-v2',
  'ideogram-v2-turbo', 'ideogram-v2a', 'ideogram-v2a-turbo', 'ideogram-v3-balanced', 'ideogram-v3-turbo', 'ideogram-v3-quality',
  'ideogram-character', 'imagen-3', 'imagen-3-fast', 'imagen-4', 'imagen-4-ultra', 'imagen-4-fast', 'dall-e-3', 'dall-e-2',
  'gpt-image-1.5', 'kling-image', 'qwen-image', 'qwen-image-2', 'qwen-image-2-pro', 'wan-image-2.6', 'wan-image-2.7',
  'wan-image-2.7-pro', 'grok-imagine-image', 'reve-create',
] as const;

/** Models whose description speaks of image-to-image, editing or references. */
export const UNIFIED_V2_IMAGE_INPUT_MODELS: ReadonlySet<string> = new Set([
  'nano-banana', 'flux-2-pro', 'flux-2-dev', 'flux-2-flex', 'flux-2-max', 'seedream-4', 'seedream-4.5', 'seedream-5-lite',
  'ideogram-v3-balanced', 'ideogram-v3-turbo', 'ideogram-v3-quality', 'ideogram-character', 'gpt-image-1.5', 'kling-image',
  'qwen-image', 'qwen-image-2', 'qwen-image-2-pro', 'wan-image-2.6', 'wan-image-2.7', 'wan-image-2.7-pro',
]);

export type UnifiedResultShape =
  | 'result.images'
  | 'images'
  | 'output.images'
  | 'result.urls'
  | 'resultUrls'
  | 'imageUrls'
  /** The whole job answer wrapped in `{ data: ... }`, pictures as `data.images`. */
  | 'data'
  /** `result` is the URL itself. */
  | 'result-string'
  /** COMPLETED with `result: null`: a shape no client can read. */
  | 'none';

export interface UnifiedEmulatorOptions {
  /** Keys that authenticate. Default ['sk_unified_test']. */
  apiKeys?: readonly string[];
  /** Time from create until the job reads COMPLETED. Default 300. */
  jobDurationMs?: number;
  /** Time from create during which the job reads QUEUED. Default a quarter of jobDurationMs. */
  queuedMs?: number;
  /** Credits in the account; each create costs costPerJob. Default unlimited. */
  credits?: number;
  costPerJob?: number;
  /** Route pattern of the jobs endpoint. Default '/v2/jobs/:jobId'. */
  jobsPath?: string;
  resultShape?: UnifiedResultShape;
  /** Pictures per completed job. Default 1. */
  imagesPerJob?: number;
  /** Lifetime of each result URL. Default: never expires. */
  resultTtlMs?: number;
}

export type UnifiedJobState = 'QUEUED' | 'PROCESSING' | 'COMPLETED' | 'FAILED';

export interface UnifiedJob {
  id: string;
  prompt: string;
  model: string;
  parameters?: Record<string, unknown>;
  imageUrls?: string[];
  webhookUrl?: string;
  idempotencyKey?: string;
  apiKey: string;
  createdAt: number;
  state: UnifiedJobState;
  /** Set once a poll has seen the job completed. */
  resultUrls?: string[];
  error?: string;
}

export type { ServedFile } from './emulator-server';

/** The scripted failure is the reason the FAILED job reads in `error`. */
interface JobRecord extends JobStamp<string> {
  body: CreateBody;
  idempotencyKey?: string;
  rendering?: Promise<StoredFile[]>;
  resultUrls?: string[];
}

/** The jobs endpoint tells QUEUED from PROCESSING, so each phase of the clock keeps a name of its own. */
const STATE_NAMES: Readonly<Record<JobPhase, UnifiedJobState>> = { queued: 'QUEUED', running: 'PROCESSING', succeeded: 'COMPLETED', failed: 'FAILED' };

interface CreateBody {
  prompt: string;
  model: string;
  parameters?: Record<string, unknown>;
  imageUrls?: string[];
  webhookUrl?: string;
  webhookEvents?: string[];
}

interface Detail {
  field: string;
  message: string;
}

const ERRORS: Record<number, [string, string]> = {
  400: ['Validation error', 'Invalid parameters — check details'],
  401: ['Unauthorized', 'Missing or invalid API key'],
  402: ['Insufficient credits', 'Not enough credits to run this model'],
  404: ['Not found', 'Job not found'],
  503: ['Service unavailable', 'Job queue is temporarily down'],
};

const fail = (status: number, details?: Detail[]): EmulatorResponse => {
  const [error, message] = ERRORS[status] ?? ['Error', 'Error'];
  return { status, json: { error, message, ...(details ? { details } : {}) } };
};

const MODELS: ReadonlySet<string> = new Set(UNIFIED_V2_MODEL_IDS);
const WEBHOOK_EVENTS: ReadonlySet<string> = new Set(['progress', 'completed', 'failed']);
const PROMPT_MAX = 2000;
const MAX_IMAGE_URLS = 8;
/** Short side of a picture; small so tests stay fast. */
const SHORT_SIDE = 128;

export class UnifiedEmulator extends EmulatorServer {
  private readonly gate: KeyGate;
  private readonly costPerJob: number;
  private readonly resultShape: UnifiedResultShape;
  private readonly imagesPerJob: number;
  private readonly resultTtlMs: number | undefined;
  private readonly account: CreditAccount;
  private queueDown = false;
  private readonly store: JobStore<string, JobRecord>;
  /** `<apiKey>\0<Idempotency-Key>` → the job it made and a digest of the body that made it. */
  private readonly idempotency = new Map<string, { jobId: string; bodySha: string }>();
  private replays = 0;

  constructor(options: UnifiedEmulatorOptions = {}) {
    super();
    this.gate = new KeyGate({ read: bearerKey, keys: options.apiKeys ?? ['sk_unified_test'] });
    const durationMs = options.jobDurationMs ?? 300;
    this.store = new JobStore({ durationMs, queuedMs: options.queuedMs ?? durationMs / 4, newId: () => randomUUID() });
    this.account = new CreditAccount(options.credits);
    this.costPerJob = options.costPerJob ?? 1;
    this.resultShape = options.resultShape ?? 'result.images';
    this.imagesPerJob = options.imagesPerJob ?? 1;
    this.resultTtlMs = options.resultTtlMs;
    this.route('create', 'POST', '/v2/images/generate', (request) => this.create(request));
    this.route('status', 'GET', options.jobsPath ?? '/v2/jobs/:jobId', (request) => this.status(request));
  }

  /** Jobs the emulator created, oldest first, with their state as a poll would see it now. */
  jobs(): UnifiedJob[] {
    return this.store.list().map((job) => {
      const state = this.stateOf(job);
      return {
        id: job.id,
        prompt: job.body.prompt,
        model: job.body.model,
        ...(job.body.parameters ? { parameters: { ...job.body.parameters } } : {}),
        ...(job.body.imageUrls ? { imageUrls: [...job.body.imageUrls] } : {}),
        ...(job.body.webhookUrl ? { webhookUrl: job.body.webhookUrl } : {}),
        ...(job.idempotencyKey ? { idempotencyKey: job.idempotencyKey } : {}),
        apiKey: job.apiKey,
        createdAt: job.createdAt,
        state,
        ...(job.resultUrls ? { resultUrls: [...job.resultUrls] } : {}),
        ...(state === 'FAILED' && job.failure !== undefined ? { error: job.failure } : {}),
      };
    });
  }

  /** Jobs created: creates that passed every check (a dropped answer still counts, a replay does not). */
  createCount(): number {
    return this.store.count;
  }

  /** Creates answered from the idempotency record instead of making a job. */
  replayCount(): number {
    return this.replays;
  }

  credits(): number {
    return this.account.balance;
  }

  setCredits(credits: number): void {
    this.account.set(credits);
  }

  /** While down, every create answers 503 (the doc's "Job queue is temporarily down"). */
  setQueueDown(down: boolean): void {
    this.queueDown = down;
  }

  /** The next `count` jobs created end FAILED with `message` instead of pictures. */
  failNextJobs(count: number, message = 'Image generation failed.'): void {
    this.store.failNext(count, message);
  }

  private authenticate(request: EmulatorRequest): string | null {
    const admitted = this.gate.admit(request);
    return 'key' in admitted ? admitted.key : null;
  }

  private create(request: EmulatorRequest): EmulatorResponse {
    const apiKey = this.authenticate(request);
    if (apiKey === null) return fail(401);
    if (this.queueDown) return fail(503);

    const idempotencyKey = request.headers['idempotency-key']?.trim() || undefined;
    const bodySha = createHash('sha256').update(request.body).digest('hex');
    const scope = idempotencyKey === undefined ? undefined : `${apiKey}\u0000${idempotencyKey}`;
    const seen = scope === undefined ? undefined : this.idempotency.get(scope);
    if (seen) {
      if (seen.bodySha !== bodySha) {
        return fail(400, [{ field: 'Idempotency-Key', message: 'This key was already used with a different request body.' }]);
      }
      this.replays++;
      return { status: 202, json: { jobId: seen.jobId, status: 'QUEUED' } };
    }

    const parsed = parseCreateBody(request);
    if ('details' in parsed) return fail(400, parsed.details);
    if (!this.account.charge(this.costPerJob)) return fail(402);

    const job = this.store.create(apiKey, (stamp) => ({ ...stamp, body: parsed.body, ...(idempotencyKey ? { idempotencyKey } : {}) }));
    if (scope !== undefined) this.idempotency.set(scope, { jobId: job.id, bodySha });
    return { status: 202, json: { jobId: job.id, status: 'QUEUED' } };
  }

  private async status(request: EmulatorRequest): Promise<EmulatorResponse> {
    const apiKey = this.authenticate(request);
    if (apiKey === null) return fail(401);
    const job = this.store.ownedBy(request.params.jobId ?? '', apiKey);
    if (!job) return fail(404);

    const state = this.stateOf(job);
    const base = {
      jobId: job.id,
      status: state,
      model: job.body.model,
      progress: this.progressOf(job, state),
      error: state === 'FAILED' ? job.failure : null,
      creditCost: state === 'FAILED' ? 0 : this.costPerJob,
      createdAt: new Date(job.createdAt).toISOString(),
      completedAt: state === 'COMPLETED' || state === 'FAILED' ? new Date(job.readyAt).toISOString() : null,
    };
    if (state !== 'COMPLETED') return { status: 200, json: this.shape(base, null) };
    const files = await renderOnce(job, () => this.render(job));
    job.resultUrls = files.map((f) => f.url);
    return { status: 200, json: this.shape(base, job.resultUrls) };
  }

  private shape(base: Record<string, unknown>, urls: string[] | null): Record<string, unknown> {
    if (urls === null) return this.resultShape === 'data' ? { data: { ...base, images: [] } } : { ...base, result: null };
    switch (this.resultShape) {
      case 'result.images':
        return { ...base, result: { images: urls } };
      case 'images':
        return { ...base, images: urls.map((url) => ({ url })) };
      case 'output.images':
        return { ...base, output: { images: urls } };
      case 'result.urls':
        return { ...base, result: { urls } };
      case 'resultUrls':
        return { ...base, resultUrls: urls };
      case 'imageUrls':
        return { ...base, imageUrls: urls };
      case 'data':
        return { data: { ...base, images: urls.map((url) => ({ url })) } };
      case 'result-string':
        return { ...base, result: urls[0] ?? null };
      case 'none':
        return { ...base, result: null };
    }
  }

  private stateOf(job: JobRecord): UnifiedJobState {
    return STATE_NAMES[this.store.phaseOf(job)];
  }

  private progressOf(job: JobRecord, state: UnifiedJobState): number {
    if (state === 'COMPLETED') return 100;
    if (state !== 'PROCESSING') return 0;
    return Math.min(99, Math.max(1, Math.round(this.store.elapsed(job) * 100)));
  }

  private async render(job: JobRecord): Promise<StoredFile[]> {
    const { width, height } = sizeFor(job.body.parameters);
    const seed = [job.body.prompt, job.body.model, JSON.stringify(job.body.parameters ?? {}), ...(job.body.imageUrls ?? [])].join('\u0000');
    const files: StoredFile[] = [];
    for (let i = 0; i < this.imagesPerJob; i++) {
      // The text chunk carries the job id, so two identical requests still give distinct files.
      const png = await makePng({ width, height, seedText: `${seed}\u0000${i}`, text: { Software: 'unified-v2-emulator', Comment: `job ${job.id} #${i}` } });
      files.push(this.files.put(png, 'image/png', expiresIn(this.resultTtlMs)));
    }
    return files;
  }
}

export async function startUnifiedEmulator(options?: UnifiedEmulatorOptions): Promise<UnifiedEmulator> {
  return new UnifiedEmulator(options).listen();
}

function parseCreateBody(request: EmulatorRequest): { body: CreateBody } | { details: Detail[] } {
  const json = request.json;
  if (!/\bjson\b/i.test(request.headers['content-type'] ?? '') || json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { details: [{ field: 'body', message: 'Expected a JSON object (Content-Type: application/json).' }] };
  }
  const raw = json as Record<string, unknown>;
  const details: Detail[] = [];
  const { prompt, model, parameters, imageUrls, webhookUrl, webhookEvents } = raw;
  if (typeof prompt !== 'string' || prompt.length === 0) details.push({ field: 'prompt', message: 'Required: a string of 1 to 2000 characters.' });
  else if (prompt.length > PROMPT_MAX) details.push({ field: 'prompt', message: `Must be at most ${PROMPT_MAX} characters (got ${prompt.length}).` });
  if (typeof model !== 'string' || model === '') details.push({ field: 'model', message: 'Required.' });
  else if (!MODELS.has(model)) details.push({ field: 'model', message: `Unknown model "${model}".` });
  if (webhookUrl !== undefined && (typeof webhookUrl !== 'string' || !isHttpUrl(webhookUrl))) details.push({ field: 'webhookUrl', message: 'Must be an http(s) URL.' });
  if (webhookEvents !== undefined && (!Array.isArray(webhookEvents) || webhookEvents.some((e) => typeof e !== 'string' || !WEBHOOK_EVENTS.has(e)))) {
    details.push({ field: 'webhookEvents', message: 'Must be a list of "progress", "completed", "failed".' });
  }
  if (parameters !== undefined && (parameters === null || typeof parameters !== 'object' || Array.isArray(parameters))) {
    details.push({ field: 'parameters', message: 'Must be an object.' });
  }
  if (imageUrls !== undefined) {
    if (!Array.isArray(imageUrls) || imageUrls.length === 0 || imageUrls.some((u) => typeof u !== 'string' || !isHttpUrl(u))) {
      details.push({ field: 'imageUrls', message: 'Must be a non-empty list of http(s) URLs.' });
    } else if (imageUrls.length > MAX_IMAGE_URLS) {
      details.push({ field: 'imageUrls', message: `At most ${MAX_IMAGE_URLS} images.` });
    } else if (typeof model === 'string' && MODELS.has(model) && !UNIFIED_V2_IMAGE_INPUT_MODELS.has(model)) {
      details.push({ field: 'imageUrls', message: `Model "${model}" does not accept input images.` });
    }
  }
  if (details.length > 0) return { details };
  return {
    body: {
      prompt: prompt as string,
      model: model as string,
      ...(parameters !== undefined ? { parameters: parameters as Record<string, unknown> } : {}),
      ...(imageUrls !== undefined ? { imageUrls: imageUrls as string[] } : {}),
      ...(webhookUrl !== undefined ? { webhookUrl: webhookUrl as string } : {}),
      ...(webhookEvents !== undefined ? { webhookEvents: webhookEvents as string[] } : {}),
    },
  };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** 1:1 unless the options carry a W:H aspect ratio (aspect_ratio or aspectRatio). */
export function sizeFor(parameters: Record<string, unknown> | undefined): { width: number; height: number } {
  const raw = parameters?.aspect_ratio ?? parameters?.aspectRatio;
  const m = typeof raw === 'string' ? /^\s*(\d{1,2})\s*:\s*(\d{1,2})\s*$/.exec(raw) : null;
  const w = Number(m?.[1] ?? 1);
  const h = Number(m?.[2] ?? 1);
  if (!(w > 0) || !(h > 0)) return { width: SHORT_SIDE, height: SHORT_SIDE };
  const g = gcd(w, h);
  const k = Math.max(1, Math.round(SHORT_SIDE / Math.min(w / g, h / g)));
  return { width: (w / g) * k, height: (h / g) * k };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
