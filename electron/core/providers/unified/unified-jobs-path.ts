// Where a unified job is polled. The document says "poll the Jobs endpoint" but never gives its
// path, so Easel assumes GET /v2/jobs/{jobId} (the create path's /v2 prefix, the create answer's
// `jobId`) and lets the person correct it without a new build: EASEL_UNIFIED_JOBS_PATH for the
// command line, or the factory option for the desktop app. The template is checked once, when
// the adapter is made, and a bad one is reported as a clear refusal rather than a crash.
import { EaselError } from '../../errors/easel-error';

export const DEFAULT_UNIFIED_JOBS_PATH = '/v2/jobs/{jobId}';
export const UNIFIED_JOBS_PATH_ENV = 'EASEL_UNIFIED_JOBS_PATH';

export type JobsPath = { ok: true; template: string } | { ok: false; error: EaselError };

export function parseJobsPath(raw: string | undefined): JobsPath {
  const template = raw?.trim() || DEFAULT_UNIFIED_JOBS_PATH;
  const problem = !template.startsWith('/')
    ? 'must start with "/" (it is added to the base URL)'
    : !template.includes('{jobId}')
      ? 'must contain the placeholder {jobId}'
      : /[\s?#]/.test(template.replaceAll('{jobId}', ''))
        ? 'must be a plain path, without spaces, "?" or "#"'
        : null;
  if (problem === null) return { ok: true, template };
  return {
    ok: false,
    error: new EaselError(
      'INVALID_INPUT',
      `The Unified jobs path "${template}" ${problem}. Fix ${UNIFIED_JOBS_PATH_ENV} (for example ${DEFAULT_UNIFIED_JOBS_PATH}) or remove it.`,
    ),
  };
}

export function jobsUrl(baseUrl: string, template: string, vendorJobId: string): string {
  return `${baseUrl}${template.replaceAll('{jobId}', encodeURIComponent(vendorJobId))}`;
}
