// kvid image API (../shared/vendors/kvid-image.txt): JSON create, then a two-step follow-up:
// the unified status call, and once it says completed, the result call.
// Choices where the document is silent, vague or contradicts itself:
// - Endpoint: text-to-image when no reference is given, image-to-image when one or more are.
//   One model, "nano-banana", does both (the document names one model and no model field).
// - References: the API takes URLs only (image_url / image_urls are strings), so the catalog
//   accepts ['url']; one reference goes as `image_url`, several as `image_urls`, never both.
//   The document gives no maximum; Easel sends at most 4.
// - Size: image_size {width,height} is offered as the `width`/`height` params (256–1024, steps
//   of 64: the document says multiples of 64 are "recommended", Easel requires them so a
//   request is never silently resized). aspect_ratio offers only the document's examples
//   ("e.g. 1:1, 16:9, 9:16"). The document calls them alternatives without saying which wins,
//   so asking for both is refused before sending, as is a width without a height.
//   "Up to 1024 × 1024" has no tiers: the model has no resolution choices.
// - Count: num_images is native; no maximum is documented, Easel offers 1–4 and always sends
//   num_images (it decides the charge, so it is never left to a default).
// - Prompt: no limit is documented; 10 000 characters, what the same model takes elsewhere
//   (revid-nano-banana.txt), is Easel's cap. Empty prompts are refused before sending anyway.
// - Envelope: every answer is `{ success, data }`; `success: false` is an error even under
//   HTTP 200. A bare body without the envelope is read as if it were `data`.
// - Error bodies are not shown: `{success:false, error:{code,message}}`, `{code, message}`,
//   `{error:"text"}` and plain text are all read; a documented code (INVALID_PROMPT,
//   INSUFFICIENT_CREDITS, SAFETY_CHECK_FAILED, RATE_LIMITED, SERVER_ERROR) decides the meaning
//   before the HTTP status does. 401/403/404 are not documented and use the shared meanings.
// - Status: queued/processing (and any other unknown word) are running; completed (also
//   succeeded/success/done) means "fetch the result"; failed (also error/canceled) ends the
//   job with the reason from `error` (text or {code,message}), `error_message` or `message`.
//   `progress` is read when present (0–1 or 0–100).
// - Result: the document shows one `result_url` even though num_images can be > 1. Easel reads
//   `result_urls` (string[]) and `images` (strings or {url,width,height}) too, in that order,
//   then `result_url`, without duplicates. The top-level width/height apply to every picture
//   that has none of its own. A result that still says queued/processing is read as running.
// - Cost: there is no static price (per-megapixel, see the catalog note); `used_credit` of the
//   result is the job's cost, recorded in the job and split across its pictures' sidecars.
// - Budget: the document publishes no rate limit, so none is set; RATE_LIMITED/429 are retried
//   with backoff and any Retry-After is honoured.
// - No idempotency key is documented, so a create whose outcome is unknown is never resent.
import { statusProbe } from '../key-probe';
import { EaselError } from '../../errors/easel-error';
import type { RequestSpec, VendorResponse } from '../../http/request-spec';
import type { AdapterContext, PollOutcome, ProviderAdapter, ResultImage } from '../provider-adapter';
import { parseJsonBody } from '../parse-json-body';
import { KVID_MODELS } from './kvid-catalog';
import { imageSizeProblem, kvidCreateBody } from './kvid-create-body';
import { failedJobError, KVID_VENDOR, kvidError, kvidErrorOfBody } from './kvid-errors';
import { KvidCreateDataSchema, KvidEnvelopeSchema, KvidResultDataSchema, KvidStatusDataSchema, type KvidResultData, type KvidStatusData } from './kvid-schemas';

const COMPLETED = new Set(['completed', 'succeeded', 'success', 'done']);
const FAILED = new Set(['failed', 'error', 'canceled', 'cancelled']);

export const kvidAdapter: ProviderAdapter = {
  id: 'kvid',
  label: 'kvid',
  defaultBaseUrl: 'https://api.kvid.ai',
  keyEnv: 'EASEL_KVID_API_KEY',
  idempotentCreate: false,
  budget: {},
  models: KVID_MODELS,
  keyCheck: statusProbe((vendorJobId, ctx) => kvidAdapter.buildPoll(vendorJobId, ctx)),

  validate(request, model) {
    return imageSizeProblem(request, `${model.label} (kvid)`);
  },

  buildCreate(request, references, ctx) {
    const kind = references.length > 0 ? 'image-to-image' : 'text-to-image';
    return {
      method: 'POST',
      url: `${ctx.baseUrl}/ai/generation/${kind}/generate-async`,
      headers: headers(ctx),
      body: { kind: 'json', value: kvidCreateBody(request, references) },
    };
  },

  parseCreate(response) {
    const parsed = KvidCreateDataSchema.safeParse(unwrap(response, 'create'));
    if (!parsed.success) {
      // A success without a job id: the job may exist, so the outcome is unknown, not a failure.
      throw new EaselError('BAD_RESPONSE', 'kvid accepted the request but its answer had no job id.', {
        retry: 'transient',
        delivery: 'unknown',
        detail: response.text.slice(0, 500),
      });
    }
    return { vendorJobId: parsed.data };
  },

  buildPoll(vendorJobId, ctx) {
    return get(`${ctx.baseUrl}/ai/generation/status?jobId=${encodeURIComponent(vendorJobId)}`, ctx);
  },

  parsePoll(response): PollOutcome {
    const parsed = KvidStatusDataSchema.safeParse(unwrap(response, 'poll'));
    if (!parsed.success) {
      throw new EaselError('BAD_RESPONSE', 'kvid sent a job status Easel could not read.', { retry: 'transient', detail: response.text.slice(0, 500) });
    }
    const data = parsed.data;
    const status = data.status.trim().toLowerCase();
    if (COMPLETED.has(status)) return { kind: 'fetch-result' };
    if (FAILED.has(status)) return { kind: 'failed', error: failedJobError(reasonOf(data), response.text.slice(0, 500)) };
    return running(data.progress);
  },

  buildResult(vendorJobId, ctx) {
    return get(`${ctx.baseUrl}/ai/generation/result?jobId=${encodeURIComponent(vendorJobId)}`, ctx);
  },

  parseResult(response): PollOutcome {
    const parsed = KvidResultDataSchema.safeParse(unwrap(response, 'result'));
    if (!parsed.success) {
      throw new EaselError('BAD_RESPONSE', 'kvid sent a job result Easel could not read.', { retry: 'transient', detail: response.text.slice(0, 500) });
    }
    const data = parsed.data;
    const status = data.status?.trim().toLowerCase();
    if (status && FAILED.has(status)) return { kind: 'failed', error: failedJobError(reasonOf(data), response.text.slice(0, 500)) };
    const images = imagesOf(data);
    // Asked too early (or a status word Easel does not know): keep following the job.
    if (status && !COMPLETED.has(status) && images.length === 0) return { kind: 'running' };
    if (images.length === 0) {
      return { kind: 'failed', error: new EaselError('BAD_RESPONSE', 'kvid says the job completed but sent no picture URL.', { detail: response.text.slice(0, 500) }) };
    }
    const cost = data.used_credit;
    return cost === undefined || cost === null || !Number.isFinite(cost) ? { kind: 'succeeded', images } : { kind: 'succeeded', images, costCredits: cost };
  },

  mapError(response: VendorResponse, phase) {
    return kvidError(response, phase);
  },
};

function headers(ctx: AdapterContext): Record<string, string> {
  // The document's only authentication: the key itself in an `api-key` header.
  return { 'api-key': ctx.apiKey, accept: 'application/json' };
}

function get(url: string, ctx: AdapterContext): RequestSpec {
  return { method: 'GET', url, headers: headers(ctx), body: { kind: 'none' } };
}

/** The envelope's `data`; `success: false` is thrown as the error it describes, even under 200. */
function unwrap(response: VendorResponse, phase: 'create' | 'poll' | 'result'): unknown {
  const body = parseJsonBody(response, KVID_VENDOR);
  const envelope = KvidEnvelopeSchema.safeParse(body);
  if (envelope.success && envelope.data.success === false) throw kvidError(response, phase);
  if (envelope.success && envelope.data.data !== undefined && envelope.data.data !== null) return envelope.data.data;
  return body;
}

function running(progress: number | undefined): PollOutcome {
  if (progress === undefined || !Number.isFinite(progress) || progress < 0) return { kind: 'running' };
  return { kind: 'running', progress: Math.min(1, progress > 1 ? progress / 100 : progress) };
}

function reasonOf(data: KvidStatusData | KvidResultData): { code?: string; message?: string } {
  const fromError = kvidErrorOfBody({ error: data.error ?? undefined });
  const message = fromError.message ?? data.error_message ?? data.message ?? undefined;
  return { ...(fromError.code ? { code: fromError.code } : {}), ...(message ? { message } : {}) };
}

function imagesOf(data: KvidResultData): ResultImage[] {
  const seen = new Set<string>();
  const out: ResultImage[] = [];
  const add = (url: string, width?: number, height?: number) => {
    if (seen.has(url)) return;
    seen.add(url);
    const w = width ?? data.width;
    const h = height ?? data.height;
    out.push({ url, ...(w !== undefined && Number.isInteger(w) && w > 0 ? { width: w } : {}), ...(h !== undefined && Number.isInteger(h) && h > 0 ? { height: h } : {}) });
  };
  for (const url of data.result_urls ?? []) add(url);
  for (const image of data.images ?? []) add(image.url, image.width, image.height);
  if (data.result_url) add(data.result_url);
  return out;
}
