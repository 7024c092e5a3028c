// revid v1 image API (../shared/vendors/revid-v1-image.txt) as a local, scriptable server.
// Where the document is silent, this emulator chooses, and clients must cope with the choice:
// - Every error answers JSON `{ "error": <the doc's Error column>, "message": <specific text> }`.
// - Create requires multipart/form-data (the documented Content-Type); anything else is a 400.
//   Check order: 401 key, 429 rate limit, 403 key permission, 400 payload, 402 credits.
// - A valid but unusual aspect ratio ("7:3") is accepted; an unparseable one is a 400. An unknown
//   resolution is rendered as 1k (the doc lists examples, not a closed set).
// - input_image that is not PNG/JPEG/WebP/GIF is a 400 ("invalid payload/file format").
// - A failed job reads `{ "status": "failed", "result": null, "error": "<reason>" }`: the doc
//   shows no failure shape, this is our guess at the likeliest one.
// - Status of another key's job is a 403 ("no permission for this resource").
// - The 1000 req/min limit is off unless rateLimitPerMinute is set; it counts API requests that
//   reach the emulator's logic across all keys (file downloads are storage, not API).
import { randomBytes } from 'node:crypto';
import { bearerKey, KeyGate, retryAfter } from './emulator-auth';
import { CreditAccount } from './emulator-credits';
import { JobStore, renderOnce, type JobPhase, type JobStamp } from './emulator-jobs';
import { EmulatorServer, type EmulatorRequest, type EmulatorResponse } from './emulator-server';
import { expiresIn, type StoredFile } from './file-store';
import { makePng } from './png-factory';

/** The document's "Image Models" table, verbatim. */
export const REVID_V1_MODEL_IDS = [
  'nano-banana',
  'nano-banana-pro',
  'nano-banana-fast',
  'nano-banana-pro-fast',
  'imagen-4.0',
  'imagen-4',
  'imagen-4-fast',
  'imagen-4-ultra',
  'flux-2-pro',
  'seedream-4.5',
  'kling-01-image',
  'chatgpt-image',
  'nano-banana-2',
  'grok-image',
] as const;

export interface RevidV1EmulatorOptions {
  /** Keys that authenticate. Default ['sk_live_test']. */
  apiKeys?: readonly string[];
  /** Keys that authenticate but have no permission: 403. */
  forbiddenKeys?: readonly string[];
  /** Time from create until the job reads completed. Default 300. */
  jobDurationMs?: number;
  /** Each job costs 1; at 0 a create answers 402. Default Infinity. */
  credits?: number;
  /** Requests per rolling minute before 429 with Retry-After. Default off. */
  rateLimitPerMinute?: number;
  /** Lifetime of each result URL (signed-URL style). Default: never expires. */
  resultTtlMs?: number;
}

export type RevidJobState = 'processing' | 'completed' | 'failed';

/** What a create asked for, kept on the job as it came. */
export interface RevidJobRequest {
  prompt: string;
  model: string;
  /** Every text field of the create form (first value of each). */
  fields: Record<string, string>;
  inputImage?: { filename: string; contentType: string; sha256: string };
}

export interface RevidJob extends RevidJobRequest {
  id: string;
  apiKey: string;
  createdAt: number;
  state: RevidJobState;
  /** Set once a poll has seen the job completed. */
  resultUrl?: string;
  error?: string;
}

export type { ServedFile } from './emulator-server';

/** The scripted failure is the reason the failed job reads. */
interface JobRecord extends JobStamp<string>, RevidJobRequest {
  rendering?: Promise<StoredFile>;
  resultUrl?: string;
}

/** The document names one waiting state, so a queued and a running job both read processing. */
const STATE_NAMES: Readonly<Record<JobPhase, RevidJobState>> = { queued: 'processing', running: 'processing', succeeded: 'completed', failed: 'failed' };

const ERROR_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Insufficient Funds',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
};

const fail = (status: number, message: string, headers?: Record<string, string>): EmulatorResponse => ({
  status,
  json: { error: ERROR_NAMES[status] ?? 'Error', message },
  ...(headers ? { headers } : {}),
});

const MODELS: ReadonlySet<string> = new Set(REVID_V1_MODEL_IDS);
const RESOLUTION_SCALE: Record<string, number> = { '1k': 1, '2k': 2, '4k': 4 };
/** Short side of a 1k picture; real 1k is ~1024, kept small so tests stay fast. */
const BASE_SHORT_SIDE = 128;

export class RevidV1Emulator extends EmulatorServer {
  private readonly forbiddenKeys: ReadonlySet<string>;
  /** Forbidden keys pass it too: they authenticate, and are refused (403) only after the limit. */
  private readonly gate: KeyGate;
  private readonly resultTtlMs: number | undefined;
  private readonly account: CreditAccount;
  private readonly store: JobStore<string, JobRecord>;

  constructor(options: RevidV1EmulatorOptions = {}) {
    super();
    this.forbiddenKeys = new Set(options.forbiddenKeys ?? []);
    this.gate = new KeyGate({ read: bearerKey, keys: [...(options.apiKeys ?? ['sk_live_test']), ...this.forbiddenKeys], rateLimitPerMinute: options.rateLimitPerMinute });
    this.account = new CreditAccount(options.credits);
    this.store = new JobStore({ durationMs: options.jobDurationMs ?? 300, newId: () => `job_${randomBytes(9).toString('base64url').replace(/[-_]/g, 'x')}` });
    this.resultTtlMs = options.resultTtlMs;
    this.route('create', 'POST', '/v1/image/generate', (request) => this.create(request));
    this.route('status', 'GET', '/v1/jobs/:jobId', (request) => this.status(request));
  }

  /** Jobs the emulator created, oldest first, with their state as a poll would see it now. */
  jobs(): RevidJob[] {
    return this.store.list().map((job) => ({
      id: job.id,
      prompt: job.prompt,
      model: job.model,
      fields: { ...job.fields },
      ...(job.inputImage ? { inputImage: { ...job.inputImage } } : {}),
      apiKey: job.apiKey,
      createdAt: job.createdAt,
      state: this.stateOf(job),
      ...(job.resultUrl ? { resultUrl: job.resultUrl } : {}),
      ...(job.failure !== undefined && this.stateOf(job) === 'failed' ? { error: job.failure } : {}),
    }));
  }

  /** Jobs created: create requests that passed every check (a dropped answer still counts). */
  createCount(): number {
    return this.store.count;
  }

  credits(): number {
    return this.account.balance;
  }

  setCredits(credits: number): void {
    this.account.set(credits);
  }

  /** The next `count` jobs created end failed with `message` instead of an image. */
  failNextJobs(count: number, message = 'Image generation failed.'): void {
    this.store.failNext(count, message);
  }

  private authenticate(request: EmulatorRequest): { key: string } | { response: EmulatorResponse } {
    const admitted = this.gate.admit(request);
    if ('refused' in admitted) {
      return admitted.refused === 'unknown-key'
        ? { response: fail(401, 'Missing or invalid API key.') }
        : { response: fail(429, `Rate limit exceeded (${admitted.perMinute} req/min).`, retryAfter(admitted.retryAfterSeconds)) };
    }
    if (this.forbiddenKeys.has(admitted.key)) return { response: fail(403, 'API key has no permission for this resource.') };
    return admitted;
  }

  private create(request: EmulatorRequest): EmulatorResponse {
    const auth = this.authenticate(request);
    if ('response' in auth) return auth.response;

    const form = request.form;
    if (!form || !/^multipart\/form-data/i.test(request.headers['content-type'] ?? '')) {
      return fail(400, 'Invalid payload: send multipart/form-data.');
    }
    const fields: Record<string, string> = {};
    for (const [name, values] of Object.entries(form.fields)) {
      if (values[0] !== undefined) fields[name] = values[0];
    }
    const prompt = fields.prompt ?? '';
    const model = fields.model ?? '';
    if (prompt.trim() === '') return fail(400, 'Missing required parameter: prompt.');
    if (model.trim() === '') return fail(400, 'Missing required parameter: model.');
    if (!MODELS.has(model)) return fail(400, `Unknown model "${model}".`);
    if (fields.aspect_ratio !== undefined && parseAspect(fields.aspect_ratio) === null) {
      return fail(400, `Invalid aspect_ratio "${fields.aspect_ratio}".`);
    }
    if (fields.img_url !== undefined && !/^https?:\/\/\S+$/i.test(fields.img_url)) {
      return fail(400, 'Invalid img_url: expected an http(s) URL.');
    }
    const upload = form.files.input_image?.[0];
    const uploadBytes = request.fileData.input_image?.[0];
    if (upload && (!uploadBytes || !isImage(uploadBytes))) {
      return fail(400, 'Invalid file format for input_image.');
    }
    if (!this.account.charge(1)) return fail(402, 'Not enough credits in your account.');

    const job = this.store.create(auth.key, (stamp) => ({
      ...stamp,
      prompt,
      model,
      fields,
      ...(upload ? { inputImage: { filename: upload.filename, contentType: upload.contentType, sha256: upload.sha256 } } : {}),
    }));
    return { status: 200, json: { job_id: job.id } };
  }

  private async status(request: EmulatorRequest): Promise<EmulatorResponse> {
    const auth = this.authenticate(request);
    if ('response' in auth) return auth.response;
    const job = this.store.get(request.params.jobId ?? '');
    if (!job) return fail(404, 'Requested job/resource does not exist.');
    if (job.apiKey !== auth.key) return fail(403, 'API key has no permission for this resource.');

    switch (this.stateOf(job)) {
      case 'processing':
        return { status: 200, json: { status: 'processing', result: null } };
      case 'failed':
        return { status: 200, json: { status: 'failed', result: null, error: job.failure } };
      case 'completed': {
        const file = await renderOnce(job, () => this.render(job));
        job.resultUrl = file.url;
        return { status: 200, json: { status: 'completed', result: file.url } };
      }
    }
  }

  private stateOf(job: JobRecord): RevidJobState {
    return STATE_NAMES[this.store.phaseOf(job)];
  }

  private async render(job: JobRecord): Promise<StoredFile> {
    const { width, height } = sizeFor(job.fields.aspect_ratio, job.fields.resolution);
    // Pixels follow the request (so image-to-image differs from text-to-image); the text chunk
    // carries the job id, so two identical requests still give two distinct files.
    const seedText = [job.prompt, job.model, job.inputImage?.sha256 ?? '', job.fields.img_url ?? ''].join('\u0000');
    const png = await makePng({ width, height, seedText, text: { Software: 'revid-v1-emulator', Comment: `job ${job.id}` } });
    return this.files.put(png, 'image/png', expiresIn(this.resultTtlMs));
  }
}

export async function startRevidV1Emulator(options?: RevidV1EmulatorOptions): Promise<RevidV1Emulator> {
  return new RevidV1Emulator(options).listen();
}

function parseAspect(value: string): { w: number; h: number } | null {
  const m = /^\s*(\d{1,2})\s*:\s*(\d{1,2})\s*$/.exec(value);
  const w = Number(m?.[1]);
  const h = Number(m?.[2]);
  if (!m || !(w > 0) || !(h > 0) || w > 32 || h > 32) return null;
  return { w, h };
}

/** Exact ratio with a ~128 px short side at 1k (16:9 → 224x126), times 2 at 2k, 4 at 4k. */
export function sizeFor(aspectRatio: string | undefined, resolution: string | undefined): { width: number; height: number } {
  const aspect = (aspectRatio === undefined ? null : parseAspect(aspectRatio)) ?? { w: 1, h: 1 };
  const g = gcd(aspect.w, aspect.h);
  const w = aspect.w / g;
  const h = aspect.h / g;
  const k = Math.max(1, Math.round(BASE_SHORT_SIDE / Math.min(w, h)));
  const scale = RESOLUTION_SCALE[(resolution ?? '1k').toLowerCase()] ?? 1;
  return { width: w * k * scale, height: h * k * scale };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function isImage(data: Buffer): boolean {
  const startsWith = (bytes: number[], at = 0) => bytes.every((b, i) => data[at + i] === b);
  return (
    startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) || // PNG
    startsWith([0xff, 0xd8, 0xff]) || // JPEG
    (startsWith([0x52, 0x49, 0x46, 0x46]) && startsWith([0x57, 0x45, 0x42, 0x50], 8)) || // WebP
    startsWith([0x47, 0x49, 0x46, 0x38]) // GIF
  );
}
