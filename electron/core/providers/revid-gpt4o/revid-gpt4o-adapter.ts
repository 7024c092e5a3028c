// revid 4o Image API, GPT Image 1 (../shared/vendors/revid-gpt4o-image.txt).
// Choices where the document is silent, vague or contradicts itself:
// - Auth: the prose says "Bearer Token" but every header line and example sends
//   `x-api-key: <key>`; we send x-api-key only (no Authorization header).
// - Create is JSON (the curl example sends a JSON body without a Content-Type; we label it
//   application/json). Only the documented body fields are sent: `size` (Easel's aspect ratio;
//   it is required, so 1:1 when none is given), `prompt`, `nVariants` (always sent, from the
//   native count), `filesUrl` (every reference, URLs only), and the optional params when set.
//   The deprecated `fileUrl` is never sent, and neither is `callBackUrl`: Easel polls.
// - `prompt` is optional at the vendor when filesUrl is given; Easel's validation always asks
//   for a prompt, so a prompt is always sent. The document gives no prompt limit: the catalog
//   uses GPT Image 1's 32,000 characters.
// - maskUrl: "ignored when more than one image is supplied in filesUrl". validate() refuses a
//   mask with several references (and with none: a mask belongs to one reference) instead of
//   letting the vendor drop it silently. fallbackModel "takes effect when enableFallback is
//   true": validate() refuses it without enableFallback=true, for the same reason.
// - Poll: `POST /paid/gpt4o-image/info?taskId=<id>` with no body, as documented ("passed via
//   URL parameter"; no GET, unlike kie.ai's original).
// - Errors: the document lists 200/400/401/404/422/451/455/500 without saying whether they come
//   as HTTP statuses or as the body's `code` (its bodies carry `code: 200`). We read both: a
//   non-2xx HTTP status goes through mapError, and a body `code` other than 200 inside an HTTP
//   200 is the same error. On create, such a body error is thrown from parseCreate as an
//   answered (not unknown) error: the vendor told us no job exists.
// - 422 while polling: "record is null" / "Temporarily supports records within 14 days" means the
//   task is gone or expired (RESULT_EXPIRED); "record result data is blank/empty/not exist"
//   means it ended without pictures; "record status is not success" that it did not succeed.
// - 451 and a 400 about fetching the image: the vendor could not download a reference or mask;
//   the message names the access limits to check. 455 (maintenance) and 500 are transient.
// - 429 is not documented; the limit is "3 queries per second per task", so a 429 is read as
//   that limit (transient, Retry-After honoured). The budget is perTaskPerSecond: 3. Create has
//   no published limit.
// - Statuses: GENERATING → running (`progress` "0.00".."1.00" read as a number, a 0–100 value
//   as a percentage); SUCCESS → `response.resultUrls`; CREATE_TASK_FAILED and GENERATE_FAILED
//   → failed with errorMessage/errorCode (a content-policy reason becomes CONTENT_REJECTED).
//   Without `status`, kie.ai's `successFlag` decides (0 running, 1 success, 2/3 failed); an
//   unknown status reads as running, so a new in-progress state does not fail a paid job.
// - Cost: 10 credits per image returned (the document's price); a fallback model's price is not
//   documented, so the same rate is assumed.
// - No idempotency key is documented, so a create whose outcome is unknown is never resent.
// - 402 (credits) is not documented; if it comes, the shared meaning applies.
import { statusProbe } from '../key-probe';
import type { GenerationRequest } from '../../../../shared/domain';
import { EaselError } from '../../errors/easel-error';
import type { RequestSpec, VendorResponse } from '../../http/request-spec';
import { parseJsonBody } from '../parse-json-body';
import type { AdapterContext, PollOutcome, ProviderAdapter, ResolvedReference } from '../provider-adapter';
import { GPT4O_CREDITS_PER_IMAGE, REVID_GPT4O_MODELS } from './revid-gpt4o-catalog';
import { gpt4oError, VENDOR, type Gpt4oPhase } from './revid-gpt4o-errors';
import { Gpt4oCreateDataSchema, Gpt4oEnvelopeSchema, Gpt4oTaskSchema, type Gpt4oTask } from './revid-gpt4o-schemas';
import { validateGpt4oRequest } from './revid-gpt4o-validate';

export const GPT4O_CREATE_PATH = '/paid/gpt4o-image/generate';
export const GPT4O_INFO_PATH = '/paid/gpt4o-image/info';

const BOOLEAN_PARAMS = ['isEnhance', 'uploadCn', 'enableFallback'] as const;

/** The JSON body of a create, exported for tests and the emulator's expectations. */
export interface Gpt4oCreateBody {
  size: string;
  prompt: string;
  nVariants: number;
  filesUrl?: string[];
  maskUrl?: string;
  isEnhance?: boolean;
  uploadCn?: boolean;
  enableFallback?: boolean;
  fallbackModel?: string;
}

export const revidGpt4oAdapter: ProviderAdapter = {
  id: 'revid-gpt4o',
  label: VENDOR,
  defaultBaseUrl: 'https://api.revidapi.com',
  keyEnv: 'EASEL_REVID_API_KEY',
  idempotentCreate: false,
  budget: { perTaskPerSecond: 3 },
  models: REVID_GPT4O_MODELS,
  keyCheck: statusProbe((vendorJobId, ctx) => revidGpt4oAdapter.buildPoll(vendorJobId, ctx)),

  validate: validateGpt4oRequest,

  buildCreate(request, references, ctx) {
    return {
      method: 'POST',
      url: `${ctx.baseUrl}${GPT4O_CREATE_PATH}`,
      headers: headers(ctx),
      body: { kind: 'json', value: createBody(request, references) },
    };
  },

  parseCreate(response) {
    const envelope = readEnvelope(response, 'create');
    const data = Gpt4oCreateDataSchema.safeParse(envelope.data);
    if (!data.success) {
      // A success code without a task id: the task may exist, so the outcome is unknown.
      throw new EaselError('BAD_RESPONSE', `${VENDOR} accepted the request but its answer had no task id.`, {
        retry: 'transient',
        delivery: 'unknown',
        detail: response.text.slice(0, 500),
      });
    }
    return { vendorJobId: data.data.taskId };
  },

  buildPoll(vendorJobId, ctx): RequestSpec {
    return {
      method: 'POST',
      url: `${ctx.baseUrl}${GPT4O_INFO_PATH}?taskId=${encodeURIComponent(vendorJobId)}`,
      headers: headers(ctx),
      body: { kind: 'none' },
    };
  },

  parsePoll(response): PollOutcome {
    const envelope = readEnvelope(response, 'poll');
    const parsed = Gpt4oTaskSchema.safeParse(envelope.data);
    if (!parsed.success || envelope.data == null) {
      throw new EaselError('BAD_RESPONSE', `${VENDOR} sent a task status Easel could not read.`, { retry: 'transient', detail: response.text.slice(0, 500) });
    }
    return outcomeOf(parsed.data, response);
  },

  mapError(response: VendorResponse, phase) {
    return gpt4oError(response, response.status, phase);
  },
};

function headers(ctx: AdapterContext): Record<string, string> {
  return { 'x-api-key': ctx.apiKey, accept: 'application/json' };
}

function createBody(request: GenerationRequest, references: readonly ResolvedReference[]): Gpt4oCreateBody {
  const body: Gpt4oCreateBody = { size: request.aspectRatio ?? '1:1', prompt: request.prompt, nVariants: request.count };
  // The catalog accepts URLs only, and the core refuses local files before this point.
  const urls = references.flatMap((r) => (r.kind === 'url' ? [r.url] : []));
  if (urls.length > 0) body.filesUrl = urls;
  const mask = request.params.maskUrl;
  if (typeof mask === 'string' && mask !== '') body.maskUrl = mask;
  for (const key of BOOLEAN_PARAMS) {
    const value = request.params[key];
    if (typeof value === 'boolean') body[key] = value;
  }
  const fallback = request.params.fallbackModel;
  if (typeof fallback === 'string' && fallback !== '') body.fallbackModel = fallback;
  return body;
}

/** Parses the envelope and throws the documented error when its `code` is not 200. */
function readEnvelope(response: VendorResponse, phase: Gpt4oPhase) {
  const parsed = Gpt4oEnvelopeSchema.safeParse(parseJsonBody(response, VENDOR));
  if (!parsed.success) {
    throw new EaselError('BAD_RESPONSE', `${VENDOR} sent an answer Easel could not read.`, {
      retry: 'transient',
      ...(phase === 'create' ? { delivery: 'unknown' as const } : {}),
      detail: response.text.slice(0, 500),
    });
  }
  const code = parsed.data.code ?? 200;
  if (code !== 200) throw gpt4oError(response, code, phase);
  return parsed.data;
}

function outcomeOf(task: Gpt4oTask, response: VendorResponse): PollOutcome {
  const status = (task.status ?? statusFromFlag(task.successFlag) ?? '').toUpperCase();
  if (status === 'SUCCESS') {
    const urls = task.response?.resultUrls ?? task.response?.result_urls ?? [];
    if (urls.length === 0) {
      return { kind: 'failed', error: new EaselError('BAD_RESPONSE', `${VENDOR} says the task succeeded but sent no picture URL.`, { detail: response.text.slice(0, 500) }) };
    }
    return { kind: 'succeeded', images: urls.map((url) => ({ url })), costCredits: urls.length * GPT4O_CREDITS_PER_IMAGE };
  }
  if (status === 'CREATE_TASK_FAILED' || status === 'GENERATE_FAILED') return { kind: 'failed', error: taskFailure(task, status, response) };
  const progress = typeof task.progress === 'number' ? task.progress : undefined;
  return progress === undefined ? { kind: 'running' } : { kind: 'running', progress };
}

function statusFromFlag(flag: number | null | undefined): string | undefined {
  if (flag === 0) return 'GENERATING';
  if (flag === 1) return 'SUCCESS';
  if (flag === 2) return 'CREATE_TASK_FAILED';
  if (flag === 3) return 'GENERATE_FAILED';
  return undefined;
}

function taskFailure(task: Gpt4oTask, status: string, response: VendorResponse): EaselError {
  const reason = task.errorMessage?.trim().replace(/[.\s]+$/, '');
  const hasCode = task.errorCode !== null && task.errorCode !== undefined && task.errorCode !== '';
  const code = hasCode ? ` (error code ${task.errorCode})` : '';
  const detail = response.text.slice(0, 500);
  if (reason && /flagged|content polic|violat|unsafe|nsfw|moderation|safety/i.test(reason)) {
    return new EaselError('CONTENT_REJECTED', `${VENDOR} refused this picture under its content policy: ${reason}${code}. Rephrase the prompt or use other images.`, { detail });
  }
  const what = status === 'CREATE_TASK_FAILED' ? 'could not start this task' : 'could not make this picture';
  return new EaselError('VENDOR_FAILED', reason ? `${VENDOR} ${what}: ${reason}${code}.` : `${VENDOR} ${what} (no reason given${hasCode ? `, error code ${task.errorCode}` : ''}).`, { detail });
}
