// kvid image API (../shared/vendors/kvid-image.txt) as a local, scriptable server.
// Where the document is silent, this emulator chooses, and clients must cope with the choice:
// - Errors answer `{ "success": false, "error": { "code", "message" } }` with the document's
//   codes and statuses (INVALID_PROMPT 400, INSUFFICIENT_CREDITS 402, SAFETY_CHECK_FAILED 422,
//   RATE_LIMITED 429). `errorShape: 'flat'` answers `{ code, message }` instead and 'text' a
//   plain-text message, the other shapes the document leaves open. Undocumented conditions use
//   their own codes: UNAUTHORIZED 401 (missing or unknown `api-key`), INVALID_PARAMETER 400,
//   JOB_NOT_FOUND 404 (also for another key's job, so ids do not leak).
//   Check order: 401 key, 429 rate limit, 400 body/prompt/params, 422 safety, 402 credits.
// - The body must be JSON (the documented Content-Type). image_size needs integer width and
//   height in 256–1024 (multiples of 64 are only "recommended", so others pass); aspect_ratio
//   takes any W:H (the document lists examples); sending both is a 400, as the document calls
//   them alternatives. Steps must be 20/30/40/50, guidance 3/5/7.5/10, output_format jpeg/png,
//   num_images 1–8 (the document gives no maximum; 8 is this emulator's).
// - image-to-image needs image_url (string) or image_urls (non-empty string[]) of http(s) URLs,
//   not both; text-to-image refuses them, so a client that picks the wrong endpoint is caught.
//   The URLs are checked for shape only, never fetched.
// - The safety checker (on unless enable_safety_checker is false) refuses prompts containing
//   any of `unsafeTerms` with 422 SAFETY_CHECK_FAILED at create.
// - Cost is per megapixel: `creditsPerMegapixel` (default 8, the document's example for
//   1024×1024) × width×height/1024² × num_images, rounded up; charged at create, reported as
//   `used_credit` by the result call.
// - Status: queued for the first third of `jobDurationMs`, processing until it ends, then
//   completed (or failed with `error: { code, message }` when scripted by failNextJobs).
// - Result of a job not yet completed answers 200 with its status and no URL; of a failed job,
//   200 with status failed and the error. Pictures are rendered on the first result call.
// - Several images: `result_url` is the first (as documented) and `result_urls` lists all;
//   `multiResultShape: 'images'` lists them as `images: [{ url, width, height }]` instead.
//   width/height/size/type describe the first picture.
// - Pictures are rendered at `renderScale` (default 1/8) of the requested size so tests stay
//   fast, and width/height report the served file's real dimensions.
import { randomBytes } from 'node:crypto';
import { headerKey, KeyGate, retryAfter } from './emulator-auth';
import { CreditAccount } from './emulator-credits';
import { JobStore, renderOnce, type JobPhase, type JobStamp } from './emulator-jobs';
import { EmulatorServer, type EmulatorRequest, type EmulatorResponse, type ServedFile as BaseServedFile } from './emulator-server';
import { expiresIn, type StoredFile } from './file-store';
import { makeJpeg, makePng } from './png-factory';

export type KvidImageType = 'text-to-image' | 'image-to-image';
export type KvidJobState = 'queued' | 'processing' | 'completed' | 'failed';

export interface KvidEmulatorOptions {
  /** Keys accepted in the `api-key` header. Default ['kvid_test_key']. */
  apiKeys?: readonly string[];
  /** Time from create until the job reads completed. Default 300. */
  jobDurationMs?: number;
  /** Credits on the account; a create that costs more answers 402. Default Infinity. */
  credits?: number;
  /** Credits per 1024×1024 image. Default 8. */
  creditsPerMegapixel?: number;
  /** Requests per rolling minute before 429 RATE_LIMITED with Retry-After. Default off. */
  rateLimitPerMinute?: number;
  /** Lifetime of each result URL. Default: never expires. */
  resultTtlMs?: number;
  /** Served size relative to the requested size. Default 1/8. */
  renderScale?: number;
  /** How several results are listed beside `result_url`. Default 'result_urls'. */
  multiResultShape?: 'result_urls' | 'images';
  /** Shape of error bodies. Default 'envelope'. */
  errorShape?: 'envelope' | 'flat' | 'text';
  /** Prompt words the safety checker refuses. Default ['forbidden-content']. */
  unsafeTerms?: readonly string[];
}

/** A scripted failure, as a failed job's `error` reads. */
export interface KvidJobError {
  code: string;
  message: string;
}

/** What a create asked for and was charged, kept on the job as it came. */
export interface KvidJobRequest {
  imageType: KvidImageType;
  prompt: string;
  /** The create body as sent. */
  body: Record<string, unknown>;
  numImages: number;
  /** Requested (nominal) size the cost is computed from. */
  width: number;
  height: number;
  usedCredit: number;
}

export interface KvidJob extends KvidJobRequest {
  id: string;
  apiKey: string;
  createdAt: number;
  state: KvidJobState;
  /** Set once a result call has rendered the pictures. */
  resultUrls?: string[];
  error?: KvidJobError;
}

/** kvid serves PNG or JPEG as asked, so its tests also check the type of each file. */
export interface ServedFile extends BaseServedFile {
  contentType: string;
}

interface JobRecord extends JobStamp<KvidJobError>, KvidJobRequest {
  rendering?: Promise<StoredFile[]>;
  resultUrls?: string[];
}

/** kvid tells queued from processing, so each phase of the clock keeps a name of its own. */
const STATE_NAMES: Readonly<Record<JobPhase, KvidJobState>> = { queued: 'queued', running: 'processing', succeeded: 'completed', failed: 'failed' };

const MIN_SIDE = 256;
const MAX_SIDE = 1024;
const MAX_IMAGES = 8;
const STEPS = [20, 30, 40, 50];
const GUIDANCE = [3, 5, 7.5, 10];

export class KvidEmulator extends EmulatorServer {
  private readonly gate: KeyGate;
  private readonly creditsPerMegapixel: number;
  private readonly resultTtlMs: number | undefined;
  private readonly renderScale: number;
  private readonly multiResultShape: 'result_urls' | 'images';
  private readonly errorShape: 'envelope' | 'flat' | 'text';
  private readonly unsafeTerms: readonly string[];
  private readonly account: CreditAccount;
  private readonly store: JobStore<KvidJobError, JobRecord>;

  constructor(options: KvidEmulatorOptions = {}) {
    super();
    this.gate = new KeyGate({ read: headerKey('api-key'), keys: options.apiKeys ?? ['kvid_test_key'], rateLimitPerMinute: options.rateLimitPerMinute });
    const durationMs = options.jobDurationMs ?? 300;
    this.store = new JobStore({
      durationMs,
      // Queued for the first third, then processing: the two waiting states the document names.
      queuedMs: durationMs / 3,
      newId: (createdAt) => `img_${createdAt}_${randomBytes(6).toString('hex').slice(0, 9)}`,
    });
    this.account = new CreditAccount(options.credits);
    this.creditsPerMegapixel = options.creditsPerMegapixel ?? 8;
    this.resultTtlMs = options.resultTtlMs;
    this.renderScale = options.renderScale ?? 1 / 8;
    this.multiResultShape = options.multiResultShape ?? 'result_urls';
    this.errorShape = options.errorShape ?? 'envelope';
    this.unsafeTerms = (options.unsafeTerms ?? ['forbidden-content']).map((t) => t.toLowerCase());
    this.route('text-to-image', 'POST', '/ai/generation/text-to-image/generate-async', (r) => this.create(r, 'text-to-image'));
    this.route('image-to-image', 'POST', '/ai/generation/image-to-image/generate-async', (r) => this.create(r, 'image-to-image'));
    this.route('status', 'GET', '/ai/generation/status', (r) => this.status(r));
    this.route('result', 'GET', '/ai/generation/result', (r) => this.result(r));
  }

  /** Jobs the emulator created, oldest first, with their state as a status call would see it now. */
  jobs(): KvidJob[] {
    return this.store.list().map((job) => {
      const state = this.stateOf(job);
      return {
        id: job.id,
        imageType: job.imageType,
        prompt: job.prompt,
        body: structuredClone(job.body),
        apiKey: job.apiKey,
        createdAt: job.createdAt,
        state,
        numImages: job.numImages,
        width: job.width,
        height: job.height,
        usedCredit: job.usedCredit,
        ...(job.resultUrls ? { resultUrls: [...job.resultUrls] } : {}),
        ...(job.failure && state === 'failed' ? { error: { ...job.failure } } : {}),
      };
    });
  }

  /** Jobs created: create requests that passed every check (a dropped answer still counts). */
  createCount(): number {
    return this.store.count;
  }

  /** Create requests on either endpoint, in arrival order. */
  createRequests() {
    return this.log.filter((r) => r.route === 'text-to-image' || r.route === 'image-to-image');
  }

  /** Result files made available so far (rendered by the first result call of each job). */
  override servedFiles(): ServedFile[] {
    return this.files.list().map((f) => ({ path: f.path, url: f.url, sha256: f.sha256, bytes: f.bytes, contentType: f.contentType }));
  }

  credits(): number {
    return this.account.balance;
  }

  setCredits(credits: number): void {
    this.account.set(credits);
  }

  /** The next `count` jobs created end failed with this reason instead of pictures. */
  failNextJobs(count: number, message = 'Image generation failed.', code = 'GENERATION_FAILED'): void {
    this.store.failNext(count, { code, message });
  }

  private fail(status: number, code: string, message: string, headers?: Record<string, string>): EmulatorResponse {
    const extra = headers ? { headers } : {};
    switch (this.errorShape) {
      case 'envelope':
        return { status, json: { success: false, error: { code, message } }, ...extra };
      case 'flat':
        return { status, json: { code, message }, ...extra };
      case 'text':
        return { status, body: `${code}: ${message}`, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } };
    }
  }

  private authenticate(request: EmulatorRequest): { key: string } | { response: EmulatorResponse } {
    const admitted = this.gate.admit(request);
    if (!('refused' in admitted)) return admitted;
    return admitted.refused === 'unknown-key'
      ? { response: this.fail(401, 'UNAUTHORIZED', 'Missing or invalid api-key header.') }
      : { response: this.fail(429, 'RATE_LIMITED', `Too many requests (${admitted.perMinute} per minute).`, retryAfter(admitted.retryAfterSeconds)) };
  }

  private create(request: EmulatorRequest, imageType: KvidImageType): EmulatorResponse {
    const auth = this.authenticate(request);
    if ('response' in auth) return auth.response;
    const body = request.json;
    if (!/\bjson\b/i.test(request.headers['content-type'] ?? '') || !isRecord(body)) {
      return this.fail(400, 'INVALID_PARAMETER', 'Send a JSON object with Content-Type: application/json.');
    }
    if (typeof body.prompt !== 'string' || body.prompt.trim() === '') return this.fail(400, 'INVALID_PROMPT', 'prompt is required.');
    const problem = checkParams(body, imageType);
    if (problem) return this.fail(400, 'INVALID_PARAMETER', problem);
    if (body.enable_safety_checker !== false) {
      const text = `${body.prompt}`.toLowerCase();
      if (this.unsafeTerms.some((t) => text.includes(t))) return this.fail(422, 'SAFETY_CHECK_FAILED', 'Prompt rejected by safety filter.');
    }
    const { width, height } = nominalSize(body);
    const numImages = typeof body.num_images === 'number' ? body.num_images : 1;
    const usedCredit = Math.ceil(((this.creditsPerMegapixel * width * height) / (1024 * 1024)) * numImages);
    if (!this.account.charge(usedCredit)) {
      return this.fail(402, 'INSUFFICIENT_CREDITS', `This job needs ${usedCredit} credits; ${this.account.balance} left.`);
    }

    const prompt = body.prompt;
    const job = this.store.create(auth.key, (stamp) => ({ ...stamp, imageType, prompt, body: structuredClone(body), numImages, width, height, usedCredit }));
    const seconds = Math.max(1, Math.round(this.store.durationMs / 1000));
    return ok({ job_id: job.id, status: 'queued', message: 'Job submitted', estimated_time: `${seconds}s`, image_type: imageType });
  }

  /** The caller's job and its state now, or the refusal both job endpoints answer alike. */
  private findJob(request: EmulatorRequest): { job: JobRecord; state: KvidJobState } | { response: EmulatorResponse } {
    const auth = this.authenticate(request);
    if ('response' in auth) return auth;
    const jobId = request.query.jobId;
    if (!jobId) return { response: this.fail(400, 'INVALID_PARAMETER', 'jobId is required.') };
    const job = this.store.ownedBy(jobId, auth.key);
    if (!job) return { response: this.fail(404, 'JOB_NOT_FOUND', `No job ${jobId}.`) };
    return { job, state: this.stateOf(job) };
  }

  private status(request: EmulatorRequest): EmulatorResponse {
    const found = this.findJob(request);
    if ('response' in found) return found.response;
    const { job, state } = found;
    return ok({
      job_id: job.id,
      status: state,
      image_type: job.imageType,
      prompt: job.prompt,
      created_at: new Date(job.createdAt).toISOString(),
      ...errorOf(job, state),
    });
  }

  private async result(request: EmulatorRequest): Promise<EmulatorResponse> {
    const found = this.findJob(request);
    if ('response' in found) return found.response;
    const { job, state } = found;
    if (state !== 'completed') {
      return ok({ job_id: job.id, status: state, ...errorOf(job, state) });
    }
    const files = await renderOnce(job, () => this.render(job));
    job.resultUrls = files.map((f) => f.url);
    const first = files[0]!;
    const dims = this.servedSize(job);
    const list =
      files.length < 2
        ? {}
        : this.multiResultShape === 'images'
          ? { images: files.map((f) => ({ url: f.url, ...dims })) }
          : { result_urls: files.map((f) => f.url) };
    return ok({
      job_id: job.id,
      status: 'completed',
      result_url: first.url,
      ...list,
      ...dims,
      size: first.bytes,
      type: first.contentType,
      used_credit: job.usedCredit,
      prompt: job.prompt,
      created_at: new Date(job.createdAt).toISOString(),
    });
  }

  private stateOf(job: JobRecord): KvidJobState {
    return STATE_NAMES[this.store.phaseOf(job)];
  }

  private servedSize(job: JobRecord): { width: number; height: number } {
    return { width: Math.max(1, Math.round(job.width * this.renderScale)), height: Math.max(1, Math.round(job.height * this.renderScale)) };
  }

  private async render(job: JobRecord): Promise<StoredFile[]> {
    const { width, height } = this.servedSize(job);
    const png = job.body.output_format === 'png';
    const refs = [job.body.image_url, ...(Array.isArray(job.body.image_urls) ? job.body.image_urls : [])].filter((u) => typeof u === 'string');
    // A seed makes a picture reproducible, as it would at the vendor; without one each job differs.
    const seed = typeof job.body.seed === 'number' ? `seed ${job.body.seed}` : job.id;
    const files: StoredFile[] = [];
    for (let i = 0; i < job.numImages; i++) {
      const seedText = [job.prompt, String(job.body.negative_prompt ?? ''), seed, String(i), ...refs].join('\u0000');
      const data = png ? await makePng({ width, height, seedText, text: { Software: 'kvid-emulator' } }) : await makeJpeg({ width, height, seedText });
      files.push(this.files.put(data, png ? 'image/png' : 'image/jpeg', expiresIn(this.resultTtlMs)));
    }
    return files;
  }
}

export async function startKvidEmulator(options?: KvidEmulatorOptions): Promise<KvidEmulator> {
  return new KvidEmulator(options).listen();
}

/** kvid's success envelope: every 200 it sends wraps its data this way. */
function ok(data: Record<string, unknown>): EmulatorResponse {
  return { status: 200, json: { success: true, data } };
}

/** A failed job's `error`, last in its data as the status and result calls both send it. */
function errorOf(job: JobRecord, state: KvidJobState): { error?: KvidJobError } {
  return state === 'failed' && job.failure ? { error: job.failure } : {};
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first thing wrong with the optional fields, or null. */
function checkParams(body: Record<string, unknown>, imageType: KvidImageType): string | null {
  if (body.negative_prompt !== undefined && typeof body.negative_prompt !== 'string') return 'negative_prompt must be a string.';
  if (body.image_size !== undefined) {
    const size = body.image_size;
    if (!isRecord(size) || !isSide(size.width) || !isSide(size.height)) {
      return `image_size needs integer width and height between ${MIN_SIDE} and ${MAX_SIDE}.`;
    }
  }
  if (body.aspect_ratio !== undefined && (typeof body.aspect_ratio !== 'string' || parseAspect(body.aspect_ratio) === null)) {
    return `Invalid aspect_ratio ${JSON.stringify(body.aspect_ratio)}.`;
  }
  if (body.image_size !== undefined && body.aspect_ratio !== undefined) return 'Send image_size or aspect_ratio, not both.';
  if (body.num_inference_steps !== undefined && !STEPS.includes(body.num_inference_steps as number)) return 'num_inference_steps must be 20, 30, 40 or 50.';
  if (body.guidance_scale !== undefined && !GUIDANCE.includes(body.guidance_scale as number)) return 'guidance_scale must be 3, 5, 7.5 or 10.';
  if (body.seed !== undefined && !(Number.isSafeInteger(body.seed) && (body.seed as number) >= 0)) return 'seed must be a non-negative integer.';
  if (body.num_images !== undefined && !(Number.isInteger(body.num_images) && (body.num_images as number) >= 1 && (body.num_images as number) <= MAX_IMAGES)) {
    return `num_images must be an integer from 1 to ${MAX_IMAGES}.`;
  }
  if (body.output_format !== undefined && body.output_format !== 'jpeg' && body.output_format !== 'png') return 'output_format must be jpeg or png.';
  if (body.enable_safety_checker !== undefined && typeof body.enable_safety_checker !== 'boolean') return 'enable_safety_checker must be a boolean.';
  const hasOne = body.image_url !== undefined;
  const hasMany = body.image_urls !== undefined;
  if (imageType === 'text-to-image') {
    return hasOne || hasMany ? 'text-to-image takes no image_url/image_urls; use the image-to-image endpoint.' : null;
  }
  if (hasOne && hasMany) return 'Send image_url or image_urls, not both.';
  if (!hasOne && !hasMany) return 'image-to-image needs image_url or image_urls.';
  if (hasOne && !isHttpUrl(body.image_url)) return 'image_url must be an http(s) URL.';
  if (hasMany && !(Array.isArray(body.image_urls) && body.image_urls.length > 0 && body.image_urls.every(isHttpUrl))) {
    return 'image_urls must be a non-empty list of http(s) URLs.';
  }
  return null;
}

function isSide(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) >= MIN_SIDE && (value as number) <= MAX_SIDE;
}

function isHttpUrl(value: unknown): boolean {
  return typeof value === 'string' && /^https?:\/\/\S+$/i.test(value);
}

function parseAspect(value: string): { w: number; h: number } | null {
  const m = /^\s*(\d{1,2})\s*:\s*(\d{1,2})\s*$/.exec(value);
  const w = Number(m?.[1]);
  const h = Number(m?.[2]);
  if (!m || !(w > 0) || !(h > 0)) return null;
  return { w, h };
}

/** Requested size: image_size as given, else 1024 on the long side of aspect_ratio, else 1024². */
export function nominalSize(body: Record<string, unknown>): { width: number; height: number } {
  const size = body.image_size;
  if (isRecord(size) && isSide(size.width) && isSide(size.height)) return { width: size.width as number, height: size.height as number };
  const aspect = typeof body.aspect_ratio === 'string' ? parseAspect(body.aspect_ratio) : null;
  if (!aspect || aspect.w === aspect.h) return { width: MAX_SIDE, height: MAX_SIDE };
  const short = Math.max(MIN_SIDE, Math.round((MAX_SIDE * Math.min(aspect.w, aspect.h)) / Math.max(aspect.w, aspect.h) / 64) * 64);
  return aspect.w > aspect.h ? { width: MAX_SIDE, height: short } : { width: short, height: MAX_SIDE };
}
