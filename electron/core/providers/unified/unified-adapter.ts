// unified v2 images API (../shared/vendors/unified-v2-images.txt).
// Choices where the document is silent, vague or contradicts itself:
// - Base URL: none is documented, so there is no default; the person sets it (Settings, or
//   EASEL_UNIFIED_BASE_URL), and the core refuses with "set its base URL" until they do.
// - Auth: not documented. Easel sends `Authorization: Bearer <key>`, the most common scheme,
//   and the same key as `X-API-Key`, which the known deployment of this API reads. Both go
//   only to the configured base URL, never to result URLs.
// - Create: POST /v2/images/generate with a JSON body `{ prompt, model }` (the common body).
//   The per-model options ("each model also accepts its own parameters object", never named or
//   listed) are every `--param key=value` (catalog openParams), typed from their text, sent as
//   one object named `parameters`; it is omitted when there are none.
// - References: the document says some models edit pictures but not which field carries them.
//   Easel sends them as `imageUrls`, an array of public URLs, at the top level, only for the
//   models whose description speaks of image-to-image, editing or references (see the catalog);
//   local files are refused before sending because there is no upload.
// - webhookUrl/webhookEvents are never sent: a desktop app has no public address for the vendor
//   to call, and the runner polls anyway (polling also survives Easel being closed, a webhook
//   would not).
// - Idempotency: the documented `Idempotency-Key` header goes on every create with the task's
//   key, which the runner keeps across retries of that create, so a create whose connection
//   dropped is resent safely (idempotentCreate). The document gives no key lifetime; a create
//   paused for a long time (days) and resumed relies on the vendor still remembering the key.
// - Count: there is no count field in the common body, so several pictures are several vendor
//   jobs (countMode 'separate-jobs', counts 1–4), each with its own Idempotency-Key.
// - Jobs endpoint: "poll the Jobs endpoint" without a path. Easel polls GET /v2/jobs/{jobId};
//   EASEL_UNIFIED_JOBS_PATH (or the factory's jobsPath) overrides it, `{jobId}` standing for the id.
// - Job answer: undocumented. Status words (any case, spaces or dashes as underscores)
//   QUEUED/PENDING/PROCESSING/RUNNING/IN_PROGRESS (and STARTED/STARTING/SUBMITTED/WAITING) mean
//   running; COMPLETED/SUCCEEDED/SUCCESS/DONE/FINISHED succeeded; FAILED/ERROR/CANCELED (and
//   CANCELLED/REJECTED/EXPIRED/TIMEOUT) failed with the vendor's `error`/`errorMessage`/`message`;
//   unknown words keep the job running. `progress` above 1 is read as a percentage, 0–1 as a
//   fraction (so a percentage of exactly 1 reads as done; harmless, it only moves a bar).
//   Pictures are read from `images`, `output.images`, `result.urls`, `result.images`, `result`,
//   `resultUrls`, `imageUrls`, any of these under `data`, as strings or `{ url }` objects. A
//   completed job without a recognisable URL fails with BAD_RESPONSE carrying the whole answer
//   as detail, which the runner saves beside the job. `creditCost`, when present, is the cost.
// - Errors: 400 shows the vendor's `details`; 401, 402 and 503 get their own words; 503 and
//   other 5xx/408/429 are transient. A 404 while polling points at EASEL_UNIFIED_JOBS_PATH.
// - Budget: no request limit is published, so none is imposed beyond the runner's own pacing.
import { statusProbe } from '../key-probe';
import { EaselError, invalidInput } from '../../errors/easel-error';
import type { RequestSpec } from '../../http/request-spec';
import type { AdapterContext, ProviderAdapter } from '../provider-adapter';
import { parseJsonBody } from '../parse-json-body';
import { UNIFIED_MODELS } from './unified-catalog';
import { mapUnifiedError } from './unified-errors';
import { parseUnifiedJob } from './unified-job-status';
import { jobsUrl, parseJobsPath, UNIFIED_JOBS_PATH_ENV } from './unified-jobs-path';
import { UnifiedCreateSchema } from './unified-schemas';

const VENDOR = 'Unified';

/** Name of the per-model options object (the document does not name it). */
export const UNIFIED_PARAMETERS_FIELD = 'parameters';
/** Name of the reference-image list (the document does not name it). */
export const UNIFIED_REFERENCES_FIELD = 'imageUrls';

export interface UnifiedAdapterOptions {
  /** Poll path template with `{jobId}`; default /v2/jobs/{jobId}. */
  jobsPath?: string;
}

export function createUnifiedAdapter(options: UnifiedAdapterOptions = {}): ProviderAdapter {
  const jobsPath = parseJobsPath(options.jobsPath);
  const headers = (ctx: AdapterContext): Record<string, string> => ({ authorization: `Bearer ${ctx.apiKey}`, 'x-api-key': ctx.apiKey, accept: 'application/json' });

  const adapter: ProviderAdapter = {
    id: 'unified',
    label: VENDOR,
    defaultBaseUrl: null,
    keyEnv: 'EASEL_UNIFIED_API_KEY',
    idempotentCreate: true,
    budget: {},
    models: UNIFIED_MODELS,

    validate() {
      // A bad jobs path would strand a paid job after its create, so refuse before sending.
      return jobsPath.ok ? null : jobsPath.error;
    },

    buildCreate(request, references, ctx): RequestSpec {
      const body: Record<string, unknown> = { prompt: request.prompt, model: request.model };
      if (Object.keys(request.params).length > 0) body[UNIFIED_PARAMETERS_FIELD] = { ...request.params };
      const urls = references.map((reference) => {
        if (reference.kind !== 'url') throw invalidInput(`${VENDOR} takes reference images by public URL only; ${reference.filename} cannot be uploaded.`);
        return reference.url;
      });
      if (urls.length > 0) body[UNIFIED_REFERENCES_FIELD] = urls;
      return {
        method: 'POST',
        url: `${ctx.baseUrl}/v2/images/generate`,
        headers: { ...headers(ctx), 'idempotency-key': ctx.idempotencyKey },
        body: { kind: 'json', value: body },
      };
    },

    parseCreate(response) {
      const parsed = UnifiedCreateSchema.safeParse(parseJsonBody(response, VENDOR));
      if (!parsed.success) {
        // A 2xx without a job id: the job may exist. Resending with the same Idempotency-Key
        // finds it again instead of creating another.
        throw new EaselError('BAD_RESPONSE', `${VENDOR} accepted the request but its answer had no job id.`, {
          retry: 'transient',
          delivery: 'unknown',
          detail: response.text.slice(0, 500),
        });
      }
      return { vendorJobId: parsed.data };
    },

    buildPoll(vendorJobId, ctx): RequestSpec {
      if (!jobsPath.ok) throw jobsPath.error;
      return { method: 'GET', url: jobsUrl(ctx.baseUrl, jobsPath.template, vendorJobId), headers: headers(ctx), body: { kind: 'none' } };
    },

    parsePoll: parseUnifiedJob,

    mapError: mapUnifiedError,
  };
  return { ...adapter, keyCheck: statusProbe((vendorJobId, ctx) => adapter.buildPoll(vendorJobId, ctx)) };
}

/**
 * The registered adapter. The jobs path comes from the environment because the document leaves
 * it open; the desktop app can build its own with createUnifiedAdapter({ jobsPath }).
 */
export const unifiedAdapter: ProviderAdapter = createUnifiedAdapter({ jobsPath: process.env[UNIFIED_JOBS_PATH_ENV] });
