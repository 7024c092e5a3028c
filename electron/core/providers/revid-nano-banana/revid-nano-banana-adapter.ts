// revid Nano Banana API (../shared/vendors/revid-nano-banana.txt): google/nano-banana,
// google/nano-banana-edit and nano-banana-pro behind one create call and one task query.
// Choices where the document is silent, vague or contradicts itself:
// - Create path: `POST /paid/nano/banana/create`. The "Usage Flow" section names
//   /paid/banana/pro/create, but the API Information section and all three request examples
//   use /paid/nano/banana/create, so that is the one we call (for every model).
// - Body: JSON `{ model, input }`. `callBackUrl` is never sent: Easel polls, and a desktop app
//   has no public URL to be called back on.
// - Aspect ratio field, per model, from that model's own example: `image_size` for
//   google/nano-banana and google/nano-banana-edit, `aspect_ratio` for nano-banana-pro (also the
//   parameter table's name). We never send both: an unknown field may be refused (422) by a
//   strict validator, and nothing in the document says it would be ignored.
// - Reference field, per model, from its example: `image_urls` for google/nano-banana-edit (its
//   example), `image_input` for nano-banana-pro (the parameter table and pro's `param` echo).
//   google/nano-banana is text-to-image; its example has no reference field, so none is sent.
//   References are URLs only (an array of strings; no upload is documented), at most 8, JPEG,
//   PNG or WebP, 30 MB each (the vendor fetches them, so size is the vendor's check).
// - `resolution` (1K/2K/4K, upper-case as documented) is sent for nano-banana-pro only, and only
//   when chosen: the vendor default is 1K. Likewise aspect ratio (default 1:1) and
//   `output_format` (default png) are sent only when chosen, so the vendor's defaults apply.
// - Errors: an answer whose envelope `code` is not 200 is an error even under HTTP 200, and is
//   mapped exactly like that HTTP status (401 bad key, 402 credits, 429 rate limit, ...). The
//   message comes from `msg`.
// - Task states: `waiting` (and undocumented `queuing`/`generating`/anything unknown) = running;
//   `success` = done, `resultJson` is a JSON string `{ "resultUrls": [...] }` (an object is also
//   accepted); `fail` = failed with `failMsg` (and `failCode` in the detail).
// - A task the vendor no longer knows (404 while polling) is final: the job cannot come back.
// - costTime is a duration in milliseconds, not a price, so no cost is reported from the task;
//   the catalog states the documented prices (8 credits; pro 25 at 1K/2K, 35 at 4K).
// - No idempotency key is documented, so a create whose outcome is unknown is never resent.
// - The document publishes no rate limit (only a 429 in its error table). We apply the limit the
//   sibling gpt4o API on the same host and account publishes, 3 queries per second per task; at
//   the runner's poll intervals it never binds, but it keeps a retry storm polite.
// - Typical durations are not documented: we estimate 20 s for the google models, 45 s for pro.
import { statusProbe } from '../key-probe';
import { EaselError } from '../../errors/easel-error';
import type { RequestSpec, VendorResponse } from '../../http/request-spec';
import { errorFromStatus, statusMeaning, vendorMessageOf, type StatusMeaning } from '../http-status-errors';
import { parseJsonBody } from '../parse-json-body';
import type { PollOutcome, ProviderAdapter, ResolvedReference } from '../provider-adapter';
import { REVID_NANO_BANANA_MODELS } from './revid-nano-banana-catalog';
import { CreateAnswerSchema, EnvelopeSchema, ResultJsonSchema, TaskAnswerSchema } from './revid-nano-banana-schemas';
import { refuseUnsupportedReferenceUrls } from './revid-nano-banana-references';

const VENDOR = 'revid Nano Banana';

export const CREATE_PATH = '/paid/nano/banana/create';
export const TASK_PATH = '/paid/get/taskid';

/** Which input field carries what, per model (from each model's request example). */
interface ModelFields {
  aspect: 'image_size' | 'aspect_ratio';
  references: 'image_urls' | 'image_input' | null;
  resolution: boolean;
}

const FIELDS: Readonly<Record<string, ModelFields>> = {
  'google/nano-banana': { aspect: 'image_size', references: null, resolution: false },
  'google/nano-banana-edit': { aspect: 'image_size', references: 'image_urls', resolution: false },
  'nano-banana-pro': { aspect: 'aspect_ratio', references: 'image_input', resolution: true },
};
/** The parameter table's names, for a model the examples do not cover. */
const TABLE_FIELDS: ModelFields = { aspect: 'aspect_ratio', references: 'image_input', resolution: true };

export function fieldsFor(model: string): ModelFields {
  return FIELDS[model] ?? TABLE_FIELDS;
}

function headers(apiKey: string): Record<string, string> {
  return { 'x-api-key': apiKey, accept: 'application/json' };
}

function referenceUrls(model: string, references: readonly ResolvedReference[]): string[] {
  return references.map((reference) => {
    // The catalog only accepts URLs, and the core turns library pictures into their vendor
    // URL; a file reaching this point is a bug upstream, refused rather than silently dropped.
    if (reference.kind !== 'url') throw new EaselError('INVALID_INPUT', `${VENDOR} (${model}) only takes reference images by public URL; ${reference.filename} is a local file.`);
    return reference.url;
  });
}

export const revidNanoBananaAdapter: ProviderAdapter = {
  id: 'revid-nano-banana',
  label: VENDOR,
  defaultBaseUrl: 'https://api.revidapi.com',
  keyEnv: 'EASEL_REVID_API_KEY',
  idempotentCreate: false,
  budget: { perTaskPerSecond: 3 },
  models: REVID_NANO_BANANA_MODELS,
  keyCheck: statusProbe((vendorJobId, ctx) => revidNanoBananaAdapter.buildPoll(vendorJobId, ctx)),

  validate(request, model) {
    return refuseUnsupportedReferenceUrls(request.references, `${model.label} (${VENDOR})`);
  },

  buildCreate(request, references, ctx): RequestSpec {
    const fields = fieldsFor(request.model);
    const input: Record<string, unknown> = { prompt: request.prompt };
    if (request.aspectRatio) input[fields.aspect] = request.aspectRatio;
    if (fields.resolution && request.resolution) input.resolution = request.resolution;
    const format = request.params.output_format;
    if (typeof format === 'string' && format !== '') input.output_format = format;
    if (references.length > 0) {
      if (!fields.references) throw new EaselError('INVALID_INPUT', `${VENDOR} ${request.model} makes pictures from text only; remove the reference images or choose google/nano-banana-edit.`);
      input[fields.references] = referenceUrls(request.model, references);
    }
    return {
      method: 'POST',
      url: `${ctx.baseUrl}${CREATE_PATH}`,
      headers: headers(ctx.apiKey),
      body: { kind: 'json', value: { model: request.model, input } },
    };
  },

  parseCreate(response) {
    const body = parseJsonBody(response, VENDOR);
    throwOnErrorCode(response, body, 'create');
    const parsed = CreateAnswerSchema.safeParse(body);
    if (!parsed.success) {
      // A success without a task id: the task may exist, so the outcome is unknown, not failed.
      throw new EaselError('BAD_RESPONSE', `${VENDOR} accepted the request but its answer had no task id.`, {
        retry: 'transient',
        delivery: 'unknown',
        detail: response.text.slice(0, 500),
      });
    }
    return { vendorJobId: parsed.data.data };
  },

  buildPoll(vendorJobId, ctx): RequestSpec {
    // The document's query call is a POST with the id in the URL and no body.
    return {
      method: 'POST',
      url: `${ctx.baseUrl}${TASK_PATH}?taskId=${encodeURIComponent(vendorJobId)}`,
      headers: headers(ctx.apiKey),
      body: { kind: 'none' },
    };
  },

  parsePoll(response): PollOutcome {
    const body = parseJsonBody(response, VENDOR);
    throwOnErrorCode(response, body, 'poll');
    const parsed = TaskAnswerSchema.safeParse(body);
    if (!parsed.success) {
      throw new EaselError('BAD_RESPONSE', `${VENDOR} sent a task status Easel could not read.`, { retry: 'transient', detail: response.text.slice(0, 500) });
    }
    const task = parsed.data.data;
    const state = task.state.trim().toLowerCase();
    if (state === 'success' || state === 'succeeded' || state === 'completed') {
      const urls = resultUrlsOf(task.resultJson);
      if (urls.length === 0) {
        return { kind: 'failed', error: new EaselError('BAD_RESPONSE', `${VENDOR} says the task succeeded but sent no picture URL.`, { detail: response.text.slice(0, 500) }) };
      }
      return { kind: 'succeeded', images: urls.map((url) => ({ url })) };
    }
    if (state === 'fail' || state === 'failed' || state === 'error') {
      const reason = task.failMsg?.trim();
      const code = task.failCode == null ? '' : ` (failCode ${task.failCode})`;
      return {
        kind: 'failed',
        error: new EaselError('VENDOR_FAILED', reason ? `${VENDOR} could not make this picture: ${reason}` : `${VENDOR} could not make this picture (no reason given${code}).`, {
          detail: `failCode ${task.failCode ?? 'none'}: ${reason ?? ''}`.trim(),
        }),
      };
    }
    const raw = task.progress ?? undefined;
    const progress = raw === undefined ? undefined : Math.min(1, Math.max(0, raw > 1 ? raw / 100 : raw));
    return progress === undefined ? { kind: 'running' } : { kind: 'running', progress };
  },

  mapError(response: VendorResponse, phase) {
    return errorFromStatus(response, meaningOf(response.status, phase), vendorMessageOf(response.text));
  },
};

function meaningOf(status: number, phase: 'create' | 'poll' | 'result'): StatusMeaning {
  const meaning = statusMeaning(VENDOR, status);
  switch (status) {
    case 404:
      if (phase !== 'create') meaning.message = `${VENDOR} no longer knows this task (404). It may have been deleted; the job cannot be followed any further.`;
      else meaning.message = `${VENDOR} does not know this address (404). Check the base URL.`;
      break;
    case 422:
      meaning.message = `${VENDOR} refused a parameter of the request (422).`;
      break;
    case 500:
      meaning.message = `${VENDOR} had an internal error (500); Easel will try again.`;
      break;
  }
  return meaning;
}

/** The envelope's `code` is the real status: 200 under HTTP 200 is success, anything else is not. */
function throwOnErrorCode(response: VendorResponse, body: unknown, phase: 'create' | 'poll'): void {
  const envelope = EnvelopeSchema.safeParse(body);
  const code = envelope.success ? envelope.data.code : undefined;
  if (code === undefined || code === 200) return;
  const vendorMessage = envelope.success ? (envelope.data.msg ?? envelope.data.message ?? undefined) : undefined;
  const mapped = errorFromStatus({ ...response, status: code }, meaningOf(code, phase), vendorMessage?.trim() || undefined);
  throw new EaselError(mapped.code, mapped.message, {
    retry: mapped.retry,
    status: code,
    ...(mapped.retryAfterMs !== undefined ? { retryAfterMs: mapped.retryAfterMs } : {}),
    detail: `code ${code} under HTTP ${response.status}${vendorMessage ? `: ${vendorMessage.slice(0, 300)}` : ''}`,
  });
}

function resultUrlsOf(resultJson: string | Record<string, unknown> | null | undefined): string[] {
  if (resultJson == null || resultJson === '') return [];
  let value: unknown = resultJson;
  if (typeof resultJson === 'string') {
    try {
      value = JSON.parse(resultJson);
    } catch {
      return [];
    }
  }
  const parsed = ResultJsonSchema.safeParse(value);
  return parsed.success ? (parsed.data.resultUrls ?? []) : [];
}
