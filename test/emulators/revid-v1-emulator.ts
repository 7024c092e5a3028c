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
import { EmulatorServer, type EmulatorRequest, type EmulatorResponse } from './emulator-server';
import type { StoredFile } from './file-store';
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

export interface RevidJob {
  id: string;
  prompt: string;
  model: string;
  /** Every text field of the create form (first value of each). */
  fields: Record<string, string>;
  inputImage?: { filename: string; contentType: string; sha256: string };
  apiKey: string;
  createdAt: number;
  state: RevidJobState;
  /** Set once a poll has seen the job completed. */
  resultUrl?: string;
  error?: string;
}

export type { ServedFile } from './emulator-server';

interface JobRecord {
  id: string;
  prompt: string;
  model: string;
  fields: Record<string, string>;
  inputImage?: { filename: string; contentType: string; sha256: string };
  apiKey: string;
  createdAt: number;
  readyAt: number;
  failWith?: string;
  result?: Promise<StoredFile>;
  resultUrl?: string;
}

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
const WINDOW_MS = 60_000;

export class RevidV1Emulator extends EmulatorServer {
  private readonly apiKeys: ReadonlySet<string>;
  private readonly forbiddenKeys: ReadonlySet<string>;
  private readonly jobDurationMs: number;
  private readonly rateLimitPerMinute: number | undefined;
  private readonly resultTtlMs: number | undefined;
  private creditsLeft: number;
  private readonly jobsById = new Map<string, JobRecord>();
  private readonly failures: string[] = [];
  private readonly recentRequests: number[] = [];

  constructor(options: RevidV1EmulatorOptions = {}) {
    super();
    this.apiKeys = new Set(options.apiKeys ?? ['sk_live_test']);
    this.forbiddenKeys = new Set(options.forbiddenKeys ?? []);
    this.jobDurationMs = options.jobDurationMs ?? 300;
    this.creditsLeft = options.credits ?? Infinity;
    this.rateLimitPerMinute = options.rateLimitPerMinute;
    this.resultTtlMs = options.resultTtlMs;
    this.route('create', 'POST', '/v1/image/generate', (request) => this.create(request));
    this.route('status', 'GET', '/v1/jobs/:jobId', (request) => this.status(request));
  }

  /** Jobs the emulator created, oldest first, with their state as a poll would see it now. */
  jobs(): RevidJob[] {
    return [...this.jobsById.values()].map((job) => ({
      id: job.id,
      prompt: job.prompt,
      model: job.model,
      fields: { ...job.fields },
      ...(job.inputImage ? { inputImage: { ...job.inputImage } } : {}),
      apiKey: job.apiKey,
      createdAt: job.createdAt,
      state: this.stateOf(job),
      ...(job.resultUrl ? { resultUrl: job.resultUrl } : {}),
      ...(job.failWith !== undefined && this.stateOf(job) === 'failed' ? { error: job.failWith } : {}),
    }));
  }

  /** Jobs created: create requests that passed every check (a dropped answer still counts). */
  createCount(): number {
    return this.jobsById.size;
  }

  credits(): number {
    return this.creditsLeft;
  }

  setCredits(credits: number): void {
    this.creditsLeft = credits;
  }

  /** The next `count` jobs created end failed with `message` instead of an image. */
  failNextJobs(count: number, message = 'Image generation failed.'): void {
    for (let i = 0; i < count; i++) this.failures.push(message);
  }

  private authenticate(request: EmulatorRequest): { key: string } | { response: EmulatorResponse } {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    const key = match?.[1];
    if (key === undefined || !(this.apiKeys.has(key) || this.forbiddenKeys.has(key))) {
      return { response: fail(401, 'Missing or invalid API key.') };
    }
    const limited = this.rateLimit();
    if (limited) return { response: limited };
    if (this.forbiddenKeys.has(key)) return { response: fail(403, 'API key has no permission for this resource.') };
    return { key };
  }

  private rateLimit(): EmulatorResponse | null {
    if (this.rateLimitPerMinute === undefined) return null;
    const now = Date.now();
    while (this.recentRequests.length > 0 && (this.recentRequests[0] ?? 0) <= now - WINDOW_MS) this.recentRequests.shift();
    if (this.recentRequests.length >= this.rateLimitPerMinute) {
      const oldest = this.recentRequests[0] ?? now;
      const seconds = Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000));
      return fail(429, `Rate limit exceeded (${this.rateLimitPerMinute} req/min).`, { 'retry-after': String(seconds) });
    }
    this.recentRequests.push(now);
    return null;
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
    if (this.creditsLeft < 1) return fail(402, 'Not enough credits in your account.');
    this.creditsLeft -= 1;

    const now = Date.now();
    const job: JobRecord = {
      id: `job_${randomBytes(9).toString('base64url').replace(/[-_]/g, 'x')}`,
      prompt,
      model,
      fields,
      ...(upload ? { inputImage: { filename: upload.filename, contentType: upload.contentType, sha256: upload.sha256 } } : {}),
      apiKey: auth.key,
      createdAt: now,
      readyAt: now + this.jobDurationMs,
    };
    const failWith = this.failures.shift();
    if (failWith !== undefined) job.failWith = failWith;
    this.jobsById.set(job.id, job);
    return { status: 200, json: { job_id: job.id } };
  }

  private async status(request: EmulatorRequest): Promise<EmulatorResponse> {
    const auth = this.authenticate(request);
    if ('response' in auth) return auth.response;
    const job = this.jobsById.get(request.params.jobId ?? '');
    if (!job) return fail(404, 'Requested job/resource does not exist.');
    if (job.apiKey !== auth.key) return fail(403, 'API key has no permission for this resource.');

    switch (this.stateOf(job)) {
      case 'processing':
        return { status: 200, json: { status: 'processing', result: null } };
      case 'failed':
        return { status: 200, json: { status: 'failed', result: null, error: job.failWith } };
      case 'completed': {
        // Rendered once, on the first poll that sees it done; concurrent polls share the work.
        job.result ??= this.render(job);
        const file = await job.result;
        job.resultUrl = file.url;
        return { status: 200, json: { status: 'completed', result: file.url } };
      }
    }
  }

  private stateOf(job: JobRecord): RevidJobState {
    if (Date.now() < job.readyAt) return 'processing';
    return job.failWith === undefined ? 'completed' : 'failed';
  }

  private async render(job: JobRecord): Promise<StoredFile> {
    const { width, height } = sizeFor(job.fields.aspect_ratio, job.fields.resolution);
    // Pixels follow the request (so image-to-image differs from text-to-image); the text chunk
    // carries the job id, so two identical requests still give two distinct files.
    const seedText = [job.prompt, job.model, job.inputImage?.sha256 ?? '', job.fields.img_url ?? ''].join('\u0000');
    const png = await makePng({ width, height, seedText, text: { Software: 'revid-v1-emulator', Comment: `job ${job.id}` } });
    return this.files.put(png, 'image/png', this.resultTtlMs === undefined ? {} : { expiresAt: Date.now() + this.resultTtlMs });
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
