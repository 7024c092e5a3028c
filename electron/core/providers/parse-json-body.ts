// Vendors sometimes answer 200 with a truncated or HTML body (proxies, maintenance pages).
// That is a transient fault to retry, never a crash and never a silent success.
import { EaselError } from '../errors/easel-error';
import type { VendorResponse } from '../http/request-spec';

export function parseJsonBody(response: VendorResponse, vendor: string): unknown {
  try {
    return JSON.parse(response.text);
  } catch {
    throw new EaselError('BAD_RESPONSE', `${vendor} sent an answer that is not valid JSON.`, {
      retry: 'transient',
      status: response.status,
      detail: response.text.slice(0, 300),
    });
  }
}
