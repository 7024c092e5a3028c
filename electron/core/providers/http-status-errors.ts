// The HTTP status meanings every vendor shares, with the vendor's own words where it has them.
// Adapters call this from mapError and override only what their document says differently.
// The words hold in every host: where to change a key or a base URL is the host's advice,
// added where the error is shown (see errors/easel-error.ts).
import { EaselError, type EaselErrorCode, type RetryClass } from '../errors/easel-error';
import { parseRetryAfter } from '../http/retry-after';
import type { VendorResponse } from '../http/request-spec';

export interface StatusMeaning {
  code: EaselErrorCode;
  message: string;
  retry: RetryClass;
}

export function statusMeaning(vendor: string, status: number): StatusMeaning {
  switch (status) {
    case 400:
      return { code: 'INVALID_INPUT', message: `${vendor} rejected the request as invalid.`, retry: 'final' };
    case 401:
      return { code: 'AUTH_FAILED', message: `${vendor} rejected the API key (401).`, retry: 'final' };
    case 402:
      return { code: 'INSUFFICIENT_CREDITS', message: `Your ${vendor} account is out of credits (402). Top up, then try again.`, retry: 'final' };
    case 403:
      return { code: 'FORBIDDEN', message: `This ${vendor} key has no permission for that (403).`, retry: 'final' };
    case 404:
      return { code: 'NOT_FOUND', message: `${vendor} does not know this job or endpoint (404). Check the base URL.`, retry: 'final' };
    case 408:
      return { code: 'TIMEOUT', message: `${vendor} timed out (408).`, retry: 'transient' };
    case 422:
      return { code: 'INVALID_INPUT', message: `${vendor} could not validate the request (422).`, retry: 'final' };
    case 429:
      return { code: 'RATE_LIMITED', message: `${vendor} is rate limiting requests (429); Easel will slow down.`, retry: 'transient' };
    case 500:
      return { code: 'VENDOR_ERROR', message: `${vendor} had an internal error (500).`, retry: 'transient' };
    case 503:
      return { code: 'VENDOR_UNAVAILABLE', message: `${vendor} is overloaded or under maintenance (503).`, retry: 'transient' };
    default:
      return status >= 500
        ? { code: 'VENDOR_ERROR', message: `${vendor} answered with a server error (${status}).`, retry: 'transient' }
        : { code: 'VENDOR_ERROR', message: `${vendor} refused the request (HTTP ${status}).`, retry: 'final' };
  }
}

/** Builds the error for a non-2xx answer, adding the vendor's own message as detail. */
export function errorFromStatus(response: VendorResponse, meaning: StatusMeaning, vendorMessage: string | undefined): EaselError {
  const retryAfterMs = parseRetryAfter(response.headers['retry-after']);
  const message = vendorMessage && meaning.code === 'INVALID_INPUT' ? `${meaning.message} ${vendor(vendorMessage)}` : meaning.message;
  return new EaselError(meaning.code, message, {
    retry: meaning.retry,
    status: response.status,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    ...(vendorMessage ? { detail: `HTTP ${response.status}: ${vendorMessage}` } : { detail: `HTTP ${response.status}` }),
  });
}

function vendor(message: string): string {
  return `It said: "${message.slice(0, 300)}"`;
}

/** Pulls a human message out of whatever error body a vendor sent (JSON or text). */
export function vendorMessageOf(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  try {
    const body: unknown = JSON.parse(trimmed);
    if (body && typeof body === 'object') {
      const record = body as Record<string, unknown>;
      for (const key of ['message', 'msg', 'error_description', 'detail', 'error', 'errorMessage', 'failMsg']) {
        const value = record[key];
        if (typeof value === 'string' && value.trim()) return value.trim();
        if (value && typeof value === 'object' && typeof (value as { message?: unknown }).message === 'string') {
          return (value as { message: string }).message;
        }
      }
    }
  } catch {
    // Not JSON: a short text body is still worth showing; an HTML page is not.
  }
  return trimmed.startsWith('<') ? undefined : trimmed.slice(0, 300);
}
