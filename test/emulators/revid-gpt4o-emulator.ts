// revid 4o Image API (../shared/vendors/revid-gpt4o-image.txt) as a local, scriptable server.
// Where the document is silent, this emulator chooses, and clients must cope with the choice:
// - Auth is the `x-api-key` header of every example; an `Authorization: Bearer` header alone is
//   a 401 (the prose says "Bearer Token", the examples never send one).
// - Every answer is the documented envelope `{ code, msg, data }`. Errors carry `data: null` and
//   the documented code; by default the HTTP status equals that code, and with
//   `errorTransport: 'body'` errors come as HTTP 200 with only the body `code` telling, the
//   other reading of the document. Clients must handle both.
// - Create: the body must parse as JSON (the curl example sends no Content-Type, so none is
//   required). Check order: 401 key, 455 maintenance, 422 validation (body, `size` required and
//   1:1/3:2/2:3, prompt or filesUrl, filesUrl at most 5 http(s) URLs, nVariants 1/2/4, booleans,
//   fallbackModel GPT_IMAGE_1/FLUX_MAX, maskUrl and the deprecated fileUrl as URLs), then the
//   references are "fetched": a URL on this emulator is read from its FileStore (missing or
//   expired → 451, not PNG/JPEG/WebP → 400 "public error unsafe image upload."), a URL on one
//   of `unreachableHosts` → 451, any other URL is taken as reachable (no real network).
// - maskUrl beside more than one filesUrl is accepted and ignored, as documented (the job
//   records maskIgnored); the mask is then not fetched either.
// - Info is `POST /paid/gpt4o-image/info?taskId=…`. Check order: 401, 455, 422 "taskId is
//   required", 429 past 3 queries in any second for that task (not documented; Retry-After: 1),
//   422 "record is null" for an unknown task or another key's task, 422 "Temporarily supports
//   records within 14 days" past `retentionMs` (or after expireTask).
// - Task data follows kie.ai's shape: successFlag 0 GENERATING, 1 SUCCESS, 2 CREATE_TASK_FAILED,
//   3 GENERATE_FAILED; `progress` a string "0.00".."0.99" while generating, "1.00" when done;
//   times as epoch ms; paramJson the create body as a JSON string; a failure has errorCode 400
//   (unless scripted) and errorMessage. nVariants pictures per task.
// - No credit balance or 402 is documented; creditsSpent() counts 10 per image at create.
import { randomBytes } from 'node:crypto';
import { headerKey, KeyGate } from './emulator-auth';
import { JobStore, renderOnce, type JobPhase, type JobStamp } from './emulator-jobs';
import { EmulatorServer, sha256Hex, type EmulatorRequest, type EmulatorResponse, type RecordedRequest } from './emulator-server';
import { expiresIn, type StoredFile } from './file-store';
import { makePng } from './png-factory';

export const GPT4O_SIZES = ['1:1', '3:2', '2:3'] as const;
export const GPT4O_VARIANTS = [1, 2, 4] as const;
export const GPT4O_FALLBACK_MODELS = ['GPT_IMAGE_1', 'FLUX_MAX'] as const;
const MAX_FILES = 5;
const CREDITS_PER_IMAGE = 10;
const FOURTEEN_DAYS_MS = 14 * 24 * 3600_000;
/** Pictures are small stand-ins for 1024x1024, 1536x1024 and 1024x1536. */
const PIXELS: Record<string, { width: number; height: number }> = {
  '1:1': { width: 128, height: 128 },
  '3:2': { width: 192, height: 128 },
  '2:3': { width: 128, height: 192 },
};
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp']);

export interface RevidGpt4oEmulatorOptions {
  /** Keys that authenticate (x-api-key). Default ['sk_live_test']. */
  apiKeys?: readonly string[];
  /** Time from create until the task reads SUCCESS. Default 300. */
  jobDurationMs?: number;
  /** 'http' (default): HTTP status = body code. 'body': errors as HTTP 200 with the code in the body. */
  errorTransport?: 'http' | 'body';
  /** Info queries allowed per task in any 1-second window; null turns the check off. Default 3. */
  queriesPerSecondPerTask?: number | null;
  /** Lifetime of each result URL. Default: never expires. */
  resultTtlMs?: number;
  /** How long task records answer before "within 14 days" (422). Default 14 days. */
  retentionMs?: number;
  /** Hosts whose reference URLs the "vendor" cannot fetch (451). */
  unreachableHosts?: readonly string[];
}

export type Gpt4oTaskStatus = 'GENERATING' | 'SUCCESS' | 'CREATE_TASK_FAILED' | 'GENERATE_FAILED';

/** What a create asked for, kept on the task as it came. */
export interface Gpt4oJobRequest {
  /** The create body as received. */
  body: Record<string, unknown>;
  prompt: string;
  size: string;
  nVariants: number;
  filesUrl: string[];
  maskUrl?: string;
  /** True when a mask was sent with several files and so ignored, as documented. */
  maskIgnored: boolean;
}

export interface Gpt4oJob extends Gpt4oJobRequest {
  id: string;
  apiKey: string;
  createdAt: number;
  state: Gpt4oTaskStatus;
  resultUrls?: string[];
  errorMessage?: string;
}

export type { ServedFile } from './emulator-server';

interface Failure {
  stage: 'create' | 'generate';
  message: string;
  errorCode: number;
}

interface TaskRecord extends JobStamp<Failure>, Gpt4oJobRequest {
  /** sha256 of references read from this emulator's store, so edits differ from text-to-image. */
  referenceDigests: string[];
  expired: boolean;
  rendering?: Promise<StoredFile[]>;
  resultUrls?: string[];
}

/** GENERATING covers both waiting phases; a create-stage failure never reaches the clock (stateOf). */
const STATE_NAMES: Readonly<Record<JobPhase, Gpt4oTaskStatus>> = { queued: 'GENERATING', running: 'GENERATING', succeeded: 'SUCCESS', failed: 'GENERATE_FAILED' };

class Refusal {
  constructor(
    readonly code: number,
    readonly msg: string,
  ) {}
}

export class RevidGpt4oEmulator extends EmulatorServer {
  private readonly gate: KeyGate;
  private readonly errorTransport: 'http' | 'body';
  private readonly queryLimit: number | null;
  private readonly resultTtlMs: number | undefined;
  private readonly retentionMs: number;
  private readonly unreachableHosts: ReadonlySet<string>;
  private readonly store: JobStore<Failure, TaskRecord>;
  private readonly recentQueries = new Map<string, number[]>();
  private maintenance = false;
  private spent = 0;

  constructor(options: RevidGpt4oEmulatorOptions = {}) {
    super();
    this.gate = new KeyGate({ read: headerKey('x-api-key'), keys: options.apiKeys ?? ['sk_live_test'] });
    this.store = new JobStore({ durationMs: options.jobDurationMs ?? 300, newId: () => randomBytes(16).toString('hex') });
    this.errorTransport = options.errorTransport ?? 'http';
    this.queryLimit = options.queriesPerSecondPerTask === undefined ? 3 : options.queriesPerSecondPerTask;
    this.resultTtlMs = options.resultTtlMs;
    this.retentionMs = options.retentionMs ?? FOURTEEN_DAYS_MS;
    this.unreachableHosts = new Set((options.unreachableHosts ?? []).map((h) => h.toLowerCase()));
    this.route('create', 'POST', '/paid/gpt4o-image/generate', (request) => this.answer(() => this.create(request)));
    this.route('info', 'POST', '/paid/gpt4o-image/info', (request) => this.answer(() => this.info(request)));
  }

  /** Tasks created (every check passed, a dropped answer still counts), oldest first. */
  jobs(): Gpt4oJob[] {
    return this.store.list().map((t) => {
      const state = this.stateOf(t);
      return {
        id: t.id,
        body: structuredClone(t.body),
        prompt: t.prompt,
        size: t.size,
        nVariants: t.nVariants,
        filesUrl: [...t.filesUrl],
        ...(t.maskUrl !== undefined ? { maskUrl: t.maskUrl } : {}),
        maskIgnored: t.maskIgnored,
        apiKey: t.apiKey,
        createdAt: t.createdAt,
        state,
        ...(t.resultUrls ? { resultUrls: [...t.resultUrls] } : {}),
        ...(t.failure && state !== 'GENERATING' ? { errorMessage: t.failure.message } : {}),
      };
    });
  }

  createCount(): number {
    return this.store.count;
  }

  /** Credits charged so far: 10 per image asked for. */
  creditsSpent(): number {
    return this.spent;
  }

  /**
   * The next `count` tasks end failed with `message`: GENERATE_FAILED after the job duration
   * (default), or CREATE_TASK_FAILED at once with stage 'create'.
   */
  failNextJobs(count: number, message = 'Image generation failed.', options: { stage?: 'create' | 'generate'; errorCode?: number } = {}): void {
    this.store.failNext(count, { stage: options.stage ?? 'generate', message, errorCode: options.errorCode ?? 400 });
  }

  /** While on, every API call answers 455 (maintenance). */
  setMaintenance(on: boolean): void {
    this.maintenance = on;
  }

  /** The task's record answers like one older than the vendor's 14-day retention. */
  expireTask(taskId: string): void {
    const task = this.store.get(taskId);
    if (!task) throw new Error(`No task ${taskId}`);
    task.expired = true;
  }

  /** Info requests per task id, in arrival order. */
  infoRequestsByTask(): Map<string, RecordedRequest[]> {
    const byTask = new Map<string, RecordedRequest[]>();
    for (const r of this.requests('info')) {
      const id = r.query.taskId ?? '';
      const list = byTask.get(id) ?? [];
      list.push(r);
      byTask.set(id, list);
    }
    return byTask;
  }

  /** The most info requests any one task received within a `windowMs` span (arrival times). */
  peakQueriesPerTask(windowMs = 1000): { taskId: string; count: number } {
    let peak = { taskId: '', count: 0 };
    for (const [taskId, list] of this.infoRequestsByTask()) {
      const times = list.map((r) => r.at).sort((a, b) => a - b);
      let start = 0;
      for (let end = 0; end < times.length; end++) {
        while (times[end]! - times[start]! >= windowMs) start++;
        if (end - start + 1 > peak.count) peak = { taskId, count: end - start + 1 };
      }
    }
    return peak;
  }

  private async answer(run: () => Promise<unknown> | unknown): Promise<EmulatorResponse> {
    try {
      return { status: 200, json: { code: 200, msg: 'success', data: await run() } };
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      const headers: Record<string, string> = error.code === 429 ? { 'retry-after': '1' } : {};
      return { status: this.errorTransport === 'http' ? error.code : 200, headers, json: { code: error.code, msg: error.msg, data: null } };
    }
  }

  private authenticate(request: EmulatorRequest): string {
    // No account-wide limit to count (the document states none; info has its own per-task one).
    const admitted = this.gate.admit(request);
    if ('refused' in admitted) throw new Refusal(401, 'Unauthorized - Authentication credentials are missing or invalid');
    if (this.maintenance) throw new Refusal(455, 'Service Unavailable - System is currently undergoing maintenance');
    return admitted.key;
  }

  private async create(request: EmulatorRequest): Promise<{ taskId: string }> {
    const apiKey = this.authenticate(request);
    const body = parseBody(request.body);
    const size = body.size;
    if (size === undefined) throw invalid('size is required');
    if (typeof size !== 'string' || !(GPT4O_SIZES as readonly string[]).includes(size)) throw invalid(`size must be one of ${GPT4O_SIZES.join(', ')}`);
    const prompt = body.prompt;
    if (prompt !== undefined && typeof prompt !== 'string') throw invalid('prompt must be a string');
    let filesUrl = body.filesUrl;
    if (filesUrl !== undefined && (!Array.isArray(filesUrl) || !filesUrl.every((u): u is string => typeof u === 'string' && isHttpUrl(u)))) {
      throw invalid('filesUrl must be an array of http(s) URLs');
    }
    if (body.fileUrl !== undefined && (typeof body.fileUrl !== 'string' || !isHttpUrl(body.fileUrl))) throw invalid('fileUrl must be an http(s) URL');
    // The deprecated single fileUrl still works when filesUrl is absent.
    const files: string[] = (filesUrl as string[] | undefined) ?? (typeof body.fileUrl === 'string' ? [body.fileUrl] : []);
    filesUrl = files;
    if (files.length > MAX_FILES) throw invalid(`filesUrl accepts at most ${MAX_FILES} URLs`);
    if ((prompt ?? '').trim() === '' && files.length === 0) throw invalid('At least one of prompt or filesUrl must be provided');
    const nVariants = body.nVariants ?? 1;
    if (typeof nVariants !== 'number' || !(GPT4O_VARIANTS as readonly number[]).includes(nVariants)) throw invalid(`nVariants must be one of ${GPT4O_VARIANTS.join(', ')}`);
    for (const key of ['isEnhance', 'uploadCn', 'enableFallback'] as const) {
      if (body[key] !== undefined && typeof body[key] !== 'boolean') throw invalid(`${key} must be a boolean`);
    }
    if (body.fallbackModel !== undefined && !(GPT4O_FALLBACK_MODELS as readonly unknown[]).includes(body.fallbackModel)) {
      throw invalid(`fallbackModel must be one of ${GPT4O_FALLBACK_MODELS.join(', ')}`);
    }
    const maskUrl = body.maskUrl;
    if (maskUrl !== undefined && (typeof maskUrl !== 'string' || !isHttpUrl(maskUrl))) throw invalid('maskUrl must be an http(s) URL');
    const maskIgnored = maskUrl !== undefined && files.length > 1;

    const referenceDigests: string[] = [];
    for (const url of [...files, ...(maskUrl !== undefined && !maskIgnored ? [maskUrl] : [])]) {
      const digest = this.fetchReference(url);
      if (digest) referenceDigests.push(digest);
    }

    const task = this.store.create(apiKey, (stamp) => ({
      ...stamp,
      body,
      prompt: prompt ?? '',
      size,
      nVariants,
      filesUrl: files,
      ...(typeof maskUrl === 'string' ? { maskUrl } : {}),
      maskIgnored,
      referenceDigests,
      expired: false,
    }));
    this.spent += CREDITS_PER_IMAGE * nVariants;
    return { taskId: task.id };
  }

  /** What the vendor does when it downloads a reference; see the header for the rules. */
  private fetchReference(url: string): string | null {
    const parsed = new URL(url);
    if (this.unreachableHosts.has(parsed.hostname.toLowerCase())) throw unreachable();
    if (parsed.origin !== new URL(this.url).origin) return null;
    const name = parsed.pathname.startsWith('/files/') ? parsed.pathname.slice('/files/'.length) : '';
    const answer = this.files.answer(name);
    if (answer.status !== 200) throw unreachable();
    if (!IMAGE_TYPES.has(answer.headers['content-type'] ?? '')) throw new Refusal(400, 'public error unsafe image upload.');
    return sha256Hex(answer.body);
  }

  private async info(request: EmulatorRequest): Promise<Record<string, unknown>> {
    const apiKey = this.authenticate(request);
    const taskId = request.query.taskId?.trim();
    if (!taskId) throw invalid('taskId is required');
    this.limitQueries(taskId);
    const task = this.store.ownedBy(taskId, apiKey);
    if (!task) throw invalid('record is null');
    if (task.expired || Date.now() - task.createdAt > this.retentionMs) throw invalid('Temporarily supports records within 14 days');

    const state = this.stateOf(task);
    const base = {
      taskId: task.id,
      paramJson: JSON.stringify(task.body),
      createTime: task.createdAt,
      completeTime: null as number | null,
      response: null as { resultUrls: string[] } | null,
      errorCode: null as number | null,
      errorMessage: null as string | null,
    };
    switch (state) {
      case 'GENERATING': {
        const progress = Math.min(0.99, this.store.elapsed(task));
        return { ...base, status: state, successFlag: 0, progress: progress.toFixed(2) };
      }
      case 'CREATE_TASK_FAILED':
      case 'GENERATE_FAILED':
        return {
          ...base,
          status: state,
          successFlag: state === 'CREATE_TASK_FAILED' ? 2 : 3,
          completeTime: state === 'CREATE_TASK_FAILED' ? task.createdAt : task.readyAt,
          errorCode: task.failure!.errorCode,
          errorMessage: task.failure!.message,
          progress: state === 'CREATE_TASK_FAILED' ? '0.00' : '0.99',
        };
      case 'SUCCESS': {
        const files = await renderOnce(task, () => this.render(task));
        task.resultUrls = files.map((f) => f.url);
        return { ...base, status: state, successFlag: 1, completeTime: task.readyAt, response: { resultUrls: task.resultUrls }, errorMessage: '', progress: '1.00' };
      }
    }
  }

  private limitQueries(taskId: string): void {
    if (this.queryLimit === null) return;
    const now = Date.now();
    const stamps = (this.recentQueries.get(taskId) ?? []).filter((t) => now - t < 1000);
    if (stamps.length >= this.queryLimit) {
      this.recentQueries.set(taskId, stamps);
      throw new Refusal(429, `Too many requests: at most ${this.queryLimit} queries per second per task.`);
    }
    stamps.push(now);
    this.recentQueries.set(taskId, stamps);
  }

  private stateOf(task: TaskRecord): Gpt4oTaskStatus {
    // A task that failed at create never starts its clock: it reads failed at once.
    if (task.failure?.stage === 'create') return 'CREATE_TASK_FAILED';
    return STATE_NAMES[this.store.phaseOf(task)];
  }

  private async render(task: TaskRecord): Promise<StoredFile[]> {
    const { width, height } = PIXELS[task.size] ?? { width: 128, height: 128 };
    const expiry = expiresIn(this.resultTtlMs);
    return Promise.all(
      Array.from({ length: task.nVariants }, async (_, i) => {
        // Pixels follow the request and the variant; the text chunk names the task, so two
        // identical requests still give distinct files.
        const seedText = [task.prompt, task.size, ...task.referenceDigests, ...task.filesUrl, String(i)].join('\u0000');
        const png = await makePng({ width, height, seedText, text: { Software: 'revid-gpt4o-emulator', Comment: `task ${task.id} image ${i}` } });
        return this.files.put(png, 'image/png', expiry);
      }),
    );
  }
}

export async function startRevidGpt4oEmulator(options?: RevidGpt4oEmulatorOptions): Promise<RevidGpt4oEmulator> {
  return new RevidGpt4oEmulator(options).listen();
}

function parseBody(raw: Buffer): Record<string, unknown> {
  if (raw.length === 0) throw invalid('Request body is required');
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw invalid('Request body must be JSON');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalid('Request body must be a JSON object');
  return body as Record<string, unknown>;
}

function invalid(detail: string): Refusal {
  return new Refusal(422, detail);
}

function unreachable(): Refusal {
  return new Refusal(451, 'Failed to fetch the image. Kindly verify any access limits set by you or your service provider.');
}

function isHttpUrl(text: string): boolean {
  try {
    return /^https?:$/.test(new URL(text).protocol);
  } catch {
    return false;
  }
}
