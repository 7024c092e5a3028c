// revid v1 image API (../shared/vendors/revid-v1-image.txt).
// Choices where the document is silent or vague:
// - Create is multipart/form-data; a local reference goes as the `input_image` file, a URL as
//   `img_url` (one reference at most: both fields are singular).
// - Job status: "processing" (and "queued"/"pending") mean running; "completed" carries the
//   result URL; "failed"/"error" end the job with the vendor's `error`/`message` text. `progress`
//   is read when present (0–1 or 0–100).
// - No idempotency key is documented, so a create whose outcome is unknown is never resent.
// - The published limit is 1000 requests/minute for the account.
import { statusProbe } from '../key-probe';
import { EaselError } from '../../errors/easel-error';
import type { VendorResponse } from '../../http/request-spec';
import type { MultipartField } from '../../http/request-spec';
import { errorFromStatus, statusMeaning, vendorMessageOf } from '../http-status-errors';
import type { PollOutcome, ProviderAdapter } from '../provider-adapter';
import { parseJsonBody } from '../parse-json-body';
import { REVID_MODELS } from './revid-catalog';
import { RevidCreateSchema, RevidStatusSchema } from './revid-schemas';

const VENDOR = 'revid';

export const revidAdapter: ProviderAdapter = {
  id: 'revid',
  label: 'revid',
  defaultBaseUrl: 'https://ai.revidapi.com',
  keyEnv: 'EASEL_REVID_API_KEY',
  idempotentCreate: false,
  budget: { requestsPerMinute: 1000 },
  models: REVID_MODELS,
  keyCheck: statusProbe((vendorJobId, ctx) => revidAdapter.buildPoll(vendorJobId, ctx)),

  buildCreate(request, references, ctx) {
    const fields: MultipartField[] = [
      { name: 'prompt', value: request.prompt },
      { name: 'model', value: request.model },
    ];
    if (request.resolution) fields.push({ name: 'resolution', value: request.resolution });
    if (request.aspectRatio) fields.push({ name: 'aspect_ratio', value: request.aspectRatio });
    for (const key of ['speed', 'server_id'] as const) {
      const value = request.params[key];
      if (value !== undefined && value !== '') fields.push({ name: key, value: String(value) });
    }
    for (const reference of references) {
      if (reference.kind === 'file') {
        fields.push({ name: 'input_image', file: { path: reference.path, filename: reference.filename, contentType: reference.contentType } });
      } else {
        fields.push({ name: 'img_url', value: reference.url });
      }
    }
    return {
      method: 'POST',
      url: `${ctx.baseUrl}/v1/image/generate`,
      headers: { authorization: `Bearer ${ctx.apiKey}`, accept: 'application/json' },
      body: { kind: 'multipart', fields },
    };
  },

  parseCreate(response) {
    const parsed = RevidCreateSchema.safeParse(parseJsonBody(response, VENDOR));
    if (!parsed.success) {
      // A 2xx without a job id: the job may exist, so this is an unknown outcome, not a failure.
      throw new EaselError('BAD_RESPONSE', 'revid accepted the request but its answer had no job id.', {
        retry: 'transient',
        delivery: 'unknown',
        detail: response.text.slice(0, 500),
      });
    }
    return { vendorJobId: parsed.data };
  },

  buildPoll(vendorJobId, ctx) {
    return {
      method: 'GET',
      url: `${ctx.baseUrl}/v1/jobs/${encodeURIComponent(vendorJobId)}`,
      headers: { authorization: `Bearer ${ctx.apiKey}`, accept: 'application/json' },
      body: { kind: 'none' },
    };
  },

  parsePoll(response): PollOutcome {
    const parsed = RevidStatusSchema.safeParse(parseJsonBody(response, VENDOR));
    if (!parsed.success) {
      throw new EaselError('BAD_RESPONSE', 'revid sent a job status Easel could not read.', { retry: 'transient', detail: response.text.slice(0, 500) });
    }
    const body = parsed.data;
    const status = body.status.toLowerCase();
    if (status === 'completed' || status === 'succeeded' || status === 'success') {
      const urls = body.result == null ? [] : Array.isArray(body.result) ? body.result : [body.result];
      if (urls.length === 0) {
        return { kind: 'failed', error: new EaselError('BAD_RESPONSE', 'revid says the job completed but sent no picture URL.', { detail: response.text.slice(0, 500) }) };
      }
      return { kind: 'succeeded', images: urls.map((url) => ({ url })) };
    }
    if (status === 'failed' || status === 'error' || status === 'canceled' || status === 'cancelled') {
      const reason = body.error ?? body.message ?? undefined;
      return {
        kind: 'failed',
        error: new EaselError('VENDOR_FAILED', reason ? `revid could not make this picture: ${reason}` : 'revid could not make this picture (no reason given).', {
          detail: response.text.slice(0, 500),
        }),
      };
    }
    const progress = body.progress === undefined ? undefined : body.progress > 1 ? body.progress / 100 : body.progress;
    return progress === undefined ? { kind: 'running' } : { kind: 'running', progress };
  },

  mapError(response: VendorResponse, phase) {
    const meaning = statusMeaning(VENDOR, response.status);
    if (response.status === 404 && phase === 'poll') {
      meaning.message = 'revid no longer knows this job (404). It may have been deleted.';
    }
    if (response.status === 403) meaning.message = 'This revid key has no permission for this model or resource (403).';
    if (response.status === 429) meaning.message = 'revid is rate limiting requests (429, limit 1000 per minute); Easel will slow down.';
    return errorFromStatus(response, meaning, vendorMessageOf(response.text));
  },
};
