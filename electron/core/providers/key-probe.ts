// None of the vendor documents has an account or balance call, but every status endpoint
// authenticates before it looks the job up. Asking for a job that cannot exist costs nothing
// and tells a refused key (401/403) from an accepted one ("no such job": 404, or 422 where the
// vendor says "record is null"). Vendors that answer HTTP 200 with the status in the body are
// read by that body code.
import type { RequestSpec, VendorResponse } from '../http/request-spec';
import type { AdapterContext, KeyCheck, KeyVerdict } from './provider-adapter';

export const KEY_PROBE_JOB_ID = 'easel-key-check-0000';

export function statusProbe(buildPoll: (vendorJobId: string, ctx: AdapterContext) => RequestSpec): KeyCheck {
  return { build: (ctx) => buildPoll(KEY_PROBE_JOB_ID, ctx), interpret: probeVerdict };
}

export function probeVerdict(response: VendorResponse): KeyVerdict {
  const status = effectiveStatus(response);
  if (status === 401 || status === 403) return 'invalid';
  if (status === 404 || status === 422) return 'valid';
  return 'unknown';
}

function effectiveStatus(response: VendorResponse): number {
  if (response.status < 200 || response.status >= 300) return response.status;
  try {
    const body: unknown = JSON.parse(response.text);
    if (body && typeof body === 'object') {
      const code = (body as { code?: unknown }).code;
      if (typeof code === 'number') return code;
      // kvid: { success: false, error: { code: 'JOB_NOT_FOUND' } } under 200.
      const error = (body as { error?: { code?: unknown } }).error;
      if ((body as { success?: unknown }).success === false && typeof error?.code === 'string') {
        if (/NOT_FOUND/.test(error.code)) return 404;
        if (/UNAUTHORI[SZ]ED|INVALID_(API_)?KEY/.test(error.code)) return 401;
      }
    }
  } catch {
    // Not JSON: the HTTP status stands.
  }
  return response.status;
}
