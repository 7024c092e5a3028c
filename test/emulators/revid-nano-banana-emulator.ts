// revid Nano Banana API (../shared/vendors/revid-nano-banana.txt) as a local, scriptable server.
// Where the document is silent, this emulator chooses, and clients must cope with the choice:
// - Create is `POST /paid/nano/banana/create` (API Information and all three examples); the
//   "Usage Flow" path /paid/banana/pro/create is not served (404), so a client using it fails.
// - Every answer is the documented envelope `{ code, msg, data }`. Errors answer with the HTTP
//   status equal to `code` (errorStyle 'http', the default) or, like many gateways of this
//   vendor family, HTTP 200 with the error only in `code` (errorStyle 'body').
// - The body must be JSON (parsed whatever the Content-Type: the document's curl examples send
//   none); a body that does not parse, a missing/unknown model or a missing input is a 400
//   "Invalid request parameters". A field value the document rules out is a 422 "Parameter
//   validation failed": prompt empty or over 10000 characters; aspect ratio not in the list;
//   resolution other than 1K/2K/4K, or on a model other than nano-banana-pro; output_format not
//   png/jpg; more than 8 references, a reference that is not an http(s) URL or names a file
//   that is not JPEG/PNG/WebP; google/nano-banana-edit without a reference; and an input field
//   the model's own example does not use (google/nano-banana: prompt, image_size,
//   output_format; edit: + image_urls; pro: prompt, image_input, aspect_ratio, resolution,
//   output_format). That strictness is the emulator's reading, so a client that sends the
//   wrong field name finds out here.
//   Check order: 401 key, 429 rate limit, 400 shape, 422 values, 402 credits.
// - References are not fetched; their URLs are recorded on the task.
// - Prices: 8 credits for the google models, 25 for pro at 1K/2K and 35 at 4K (the document's);
//   at too few credits a create answers 402.
// - The task query (`POST /paid/get/taskid?taskId=`) answers 400 without a taskId and 404 for
//   a task that does not exist or belongs to another key (the document has no 403).
// - While waiting: resultJson, failCode, failMsg, costTime and completeTime are null. A failed
//   task reads state "fail", failCode "500" unless the test says otherwise, failMsg its reason.
// - A result is a PNG (or JPEG when output_format is jpg) whose shape follows the aspect ratio
//   (auto = the square) and whose size follows the resolution; a tEXt chunk carries the task id.
import { randomBytes } from 'node:crypto';
import { headerKey, KeyGate, retryAfter } from './emulator-auth';
import { CreditAccount } from './emulator-credits';
import { JobStore, renderOnce, type JobPhase, type JobStamp } from './emulator-jobs';
import { EmulatorServer, type EmulatorRequest, type EmulatorResponse } from './emulator-server';
import { expiresIn, type StoredFile } from './file-store';
import { makeJpeg, makePng } from './png-factory';

export const NANO_BANANA_MODEL_IDS = ['google/nano-banana', 'google/nano-banana-edit', 'nano-banana-pro'] as const;
export type NanoBananaModelId = (typeof NANO_BANANA_MODEL_IDS)[number];

const ASPECT_RATIOS: ReadonlySet<string> = new Set(['1:1', '2:3', '3:2', '3:4', '4:3', '4:5', '5:4', '9:16', '16:9', '21:9', 'auto']);
const RESOLUTIONS: Readonly<Record<string, number>> = { '1K': 1, '2K': 2, '4K': 4 };
const OUTPUT_FORMATS: ReadonlySet<string> = new Set(['png', 'jpg']);
const ACCEPTED_EXTENSIONS: ReadonlySet<string> = new Set(['jpg', 'jpeg', 'png', 'webp']);
const PROMPT_MAX = 10_000;
const MAX_REFERENCES = 8;

/** The input fields each model's request example uses. */
const INPUT_FIELDS: Readonly<Record<NanoBananaModelId, { aspect: string; references: string | null; keys: ReadonlySet<string> }>> = {
  'google/nano-banana': { aspect: 'image_size', references: null, keys: new Set(['prompt', 'image_size', 'output_format']) },
  'google/nano-banana-edit': { aspect: 'image_size', references: 'image_urls', keys: new Set(['prompt', 'image_urls', 'image_size', 'output_format']) },
  'nano-banana-pro': { aspect: 'aspect_ratio', references: 'image_input', keys: new Set(['prompt', 'image_input', 'aspect_ratio', 'resolution', 'output_format']) },
};

export interface RevidNanoBananaEmulatorOptions {
  /** Keys that authenticate. Default ['sk_live_test']. */
  apiKeys?: readonly string[];
  /** Time from create until the task reads success (or fail). Default 300. */
  jobDurationMs?: number;
  /** Account balance; each task costs its documented price. Default Infinity. */
  credits?: number;
  /** Requests per rolling minute before 429 with Retry-After. Default off (none documented). */
  rateLimitPerMinute?: number;
  /** Lifetime of each result URL. Default: never expires. */
  resultTtlMs?: number;
  /** 'http': errors answer with HTTP status = code (default). 'body': HTTP 200, error in `code`. */
  errorStyle?: 'http' | 'body';
}

export type NanoBananaTaskState = 'waiting' | 'success' | 'fail';

export interface NanoBananaTask {
  taskId: string;
  model: string;
  prompt: string;
  /** The create request's `input` object as sent. */
  input: Record<string, unknown>;
  /** The reference URLs, from whichever field the model uses. */
  references: string[];
  apiKey: string;
  createdAt: number;
  cost: number;
  state: NanoBananaTaskState;
  resultUrls?: string[];
  failMsg?: string;
}

export type { ServedFile } from './emulator-server';

/** A scripted failure: what the failed task reads as failCode and failMsg. */
interface TaskFailure {
  code: string;
  message: string;
}

interface TaskRecord extends JobStamp<TaskFailure> {
  model: NanoBananaModelId;
  /** The complete create request (the document's `param` echoes all of it). */
  param: Record<string, unknown>;
  input: Record<string, unknown>;
  references: string[];
  cost: number;
  rendering?: Promise<StoredFile>;
  resultUrl?: string;
}

/** The document names one waiting state, so a queued and a running task both read waiting. */
const STATE_NAMES: Readonly<Record<JobPhase, NanoBananaTaskState>> = { queued: 'waiting', running: 'waiting', succeeded: 'success', failed: 'fail' };

const MESSAGES: Record<number, string> = {
  400: 'Invalid request parameters',
  401: 'Authentication failed, please check API Key',
  402: 'Insufficient account balance',
  404: 'Resource not found',
  422: 'Parameter validation failed',
  429: 'Request rate limit exceeded',
  500: 'Internal server error',
};

/** Short side of a 1K picture; real 1K is ~1024, kept small so tests stay fast. */
const BASE_SHORT_SIDE = 96;

export class RevidNanoBananaEmulator extends EmulatorServer {
  private readonly gate: KeyGate;
  private readonly resultTtlMs: number | undefined;
  private errorStyle: 'http' | 'body';
  private readonly account: CreditAccount;
  private readonly store: JobStore<TaskFailure, TaskRecord>;

  constructor(options: RevidNanoBananaEmulatorOptions = {}) {
    super();
    this.gate = new KeyGate({ read: headerKey('x-api-key'), keys: options.apiKeys ?? ['sk_live_test'], rateLimitPerMinute: options.rateLimitPerMinute });
    this.account = new CreditAccount(options.credits);
    this.store = new JobStore({ durationMs: options.jobDurationMs ?? 300, newId: () => randomBytes(16).toString('hex') });
    this.resultTtlMs = options.resultTtlMs;
    this.errorStyle = options.errorStyle ?? 'http';
    this.route('create', 'POST', '/paid/nano/banana/create', (request) => this.create(request));
    this.route('status', 'POST', '/paid/get/taskid', (request) => this.status(request));
  }

  /** Tasks created, oldest first, with their state as a query would see it now. */
  jobs(): NanoBananaTask[] {
    return this.store.list().map((task) => {
      const state = this.stateOf(task);
      return {
        taskId: task.id,
        model: task.model,
        prompt: String(task.input.prompt),
        input: structuredClone(task.input),
        references: [...task.references],
        apiKey: task.apiKey,
        createdAt: task.createdAt,
        cost: task.cost,
        state,
        ...(task.resultUrl ? { resultUrls: [task.resultUrl] } : {}),
        ...(state === 'fail' && task.failure ? { failMsg: task.failure.message } : {}),
      };
    });
  }

  /** Create requests that passed every check (a dropped answer still counts). */
  createCount(): number {
    return this.store.count;
  }

  credits(): number {
    return this.account.balance;
  }

  setCredits(credits: number): void {
    this.account.set(credits);
  }

  setErrorStyle(style: 'http' | 'body'): void {
    this.errorStyle = style;
  }

  /** The next `count` tasks created end in state "fail" with `message` instead of an image. */
  failNextJobs(count: number, message = 'Image generation failed.', failCode = '500'): void {
    this.store.failNext(count, { code: failCode, message });
  }

  private fail(status: number, detail?: string, headers?: Record<string, string>): EmulatorResponse {
    const msg = detail ? `${MESSAGES[status] ?? 'Error'}: ${detail}` : (MESSAGES[status] ?? 'Error');
    return { status: this.errorStyle === 'http' ? status : 200, json: { code: status, msg, data: null }, ...(headers ? { headers } : {}) };
  }

  private authenticate(request: EmulatorRequest): { key: string } | { response: EmulatorResponse } {
    const admitted = this.gate.admit(request);
    if (!('refused' in admitted)) return admitted;
    return admitted.refused === 'unknown-key'
      ? { response: this.fail(401) }
      : { response: this.fail(429, `${admitted.perMinute} requests per minute`, retryAfter(admitted.retryAfterSeconds)) };
  }

  private create(request: EmulatorRequest): EmulatorResponse {
    const auth = this.authenticate(request);
    if ('response' in auth) return auth.response;

    const body = parseJson(request.body);
    if (!isRecord(body)) return this.fail(400, 'the body must be a JSON object');
    const model = body.model;
    if (typeof model !== 'string' || model === '') return this.fail(400, 'model is required');
    if (!isModel(model)) return this.fail(400, `unknown model "${model}"`);
    const input = body.input;
    if (!isRecord(input)) return this.fail(400, 'input is required');

    const problem = validateInput(model, input);
    if (problem) return this.fail(422, problem);
    const fields = INPUT_FIELDS[model];
    const references = fields.references ? ((input[fields.references] as string[] | undefined) ?? []) : [];

    const cost = model === 'nano-banana-pro' ? (input.resolution === '4K' ? 35 : 25) : 8;
    if (!this.account.charge(cost)) return this.fail(402, `this task costs ${cost} credits`);

    const task = this.store.create(auth.key, (stamp) => ({ ...stamp, model, param: body, input, references, cost }));
    return { status: 200, json: { code: 200, msg: 'success', data: { taskId: task.id } } };
  }

  private async status(request: EmulatorRequest): Promise<EmulatorResponse> {
    const auth = this.authenticate(request);
    if ('response' in auth) return auth.response;
    const taskId = request.query.taskId;
    if (!taskId) return this.fail(400, 'taskId is required');
    const task = this.store.ownedBy(taskId, auth.key);
    if (!task) return this.fail(404, `no task ${taskId}`);

    const state = this.stateOf(task);
    const data = {
      taskId: task.id,
      model: task.model,
      state,
      param: JSON.stringify(task.param),
      resultJson: null as string | null,
      failCode: null as string | null,
      failMsg: null as string | null,
      costTime: null as number | null,
      completeTime: null as number | null,
      createTime: task.createdAt,
    };
    if (state === 'fail') {
      data.failCode = task.failure?.code ?? '500';
      data.failMsg = task.failure?.message ?? 'Image generation failed.';
    }
    if (state === 'success') {
      const file = await renderOnce(task, () => this.render(task));
      task.resultUrl = file.url;
      data.resultJson = JSON.stringify({ resultUrls: [file.url] });
      data.costTime = task.readyAt - task.createdAt;
      data.completeTime = task.readyAt;
    }
    return { status: 200, json: { code: 200, msg: 'success', data } };
  }

  private stateOf(task: TaskRecord): NanoBananaTaskState {
    return STATE_NAMES[this.store.phaseOf(task)];
  }

  private async render(task: TaskRecord): Promise<StoredFile> {
    const aspect = task.input[INPUT_FIELDS[task.model].aspect];
    const { width, height } = sizeFor(typeof aspect === 'string' ? aspect : undefined, typeof task.input.resolution === 'string' ? task.input.resolution : undefined);
    // Pixels follow the request (so image-to-image differs from text-to-image).
    const seedText = [task.input.prompt, task.model, ...task.references].join('\u0000');
    const ttl = expiresIn(this.resultTtlMs);
    if (task.input.output_format === 'jpg') {
      // JPEG has no tEXt chunk; the pixels alone differ enough between prompts.
      return this.files.put(await makeJpeg({ width, height, seedText: `${seedText}\u0000${task.id}` }), 'image/jpeg', ttl);
    }
    const png = await makePng({ width, height, seedText, text: { Software: 'revid-nano-banana-emulator', Comment: `task ${task.id}` } });
    return this.files.put(png, 'image/png', ttl);
  }
}

export async function startRevidNanoBananaEmulator(options?: RevidNanoBananaEmulatorOptions): Promise<RevidNanoBananaEmulator> {
  return new RevidNanoBananaEmulator(options).listen();
}

/** Why the input is refused (422), or null. */
function validateInput(model: NanoBananaModelId, input: Record<string, unknown>): string | null {
  const fields = INPUT_FIELDS[model];
  for (const key of Object.keys(input)) {
    if (!fields.keys.has(key)) return `${model} does not take "${key}"`;
  }
  const prompt = input.prompt;
  if (typeof prompt !== 'string' || prompt.trim() === '') return 'prompt is required';
  if (prompt.length > PROMPT_MAX) return `prompt is longer than ${PROMPT_MAX} characters`;
  const aspect = input[fields.aspect];
  if (aspect !== undefined && (typeof aspect !== 'string' || !ASPECT_RATIOS.has(aspect))) return `${fields.aspect} must be one of ${[...ASPECT_RATIOS].join(', ')}`;
  if (input.resolution !== undefined && (typeof input.resolution !== 'string' || !(input.resolution in RESOLUTIONS))) return 'resolution must be 1K, 2K or 4K';
  if (input.output_format !== undefined && (typeof input.output_format !== 'string' || !OUTPUT_FORMATS.has(input.output_format))) return 'output_format must be png or jpg';
  if (fields.references) {
    const refs = input[fields.references];
    if (refs !== undefined) {
      if (!Array.isArray(refs)) return `${fields.references} must be an array of URLs`;
      if (refs.length > MAX_REFERENCES) return `${fields.references} takes at most ${MAX_REFERENCES} images`;
      for (const ref of refs) {
        if (typeof ref !== 'string' || !/^https?:\/\/\S+$/i.test(ref)) return `${fields.references} must hold http(s) URLs`;
        const ext = extensionOf(ref);
        if (ext && !ACCEPTED_EXTENSIONS.has(ext)) return `${fields.references}: file type .${ext} is not supported (jpeg, png, webp)`;
      }
    }
    if (model === 'google/nano-banana-edit' && (!Array.isArray(refs) || refs.length === 0)) return 'image_urls needs at least one image';
  }
  return null;
}

function extensionOf(url: string): string | undefined {
  try {
    return /\.([a-z0-9]+)$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase();
  } catch {
    return undefined;
  }
}

function isModel(model: string): model is NanoBananaModelId {
  return (NANO_BANANA_MODEL_IDS as readonly string[]).includes(model);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Exact ratio with a ~96 px short side at 1K (16:9 → 176x99, auto → 96x96), ×2 at 2K, ×4 at 4K. */
export function sizeFor(aspectRatio: string | undefined, resolution: string | undefined): { width: number; height: number } {
  const m = /^(\d+):(\d+)$/.exec(aspectRatio ?? '');
  const w = m ? Number(m[1]) : 1;
  const h = m ? Number(m[2]) : 1;
  const k = Math.max(1, Math.round(BASE_SHORT_SIDE / Math.min(w, h)));
  const scale = RESOLUTIONS[resolution ?? '1K'] ?? 1;
  return { width: w * k * scale, height: h * k * scale };
}
