// Errors are values with a stable code and a message a person can act on. Vendor errors are
// mapped to these once, in each adapter; everything above the adapters only reads `code`,
// `retry` and `message`.
//
// A message says what happened in words that hold in every host; it never names a place that
// exists in one host only (Settings → API keys in the window, EASEL_KVID_API_KEY in a terminal).
// Where to fix things is advice, and advice is the host's: the host that raises an error may
// pass its own as `advice` (shown with the message, left out of `toInfo()`), and a host showing
// a stored error adds its own from the code and the provider (electron/cli/cli-advice.ts,
// renderer/screens/activity/problem-advice.ts). A job record may be read by the other host.
import type { ErrorInfo } from '../../../shared/domain';

/** How the job runner should treat an error. */
export type RetryClass =
  /** Never retry: the request itself is wrong (bad key, no credits, invalid input). */
  | 'final'
  /** Retry after a pause: rate limits, 5xx, dropped connections, garbled replies. */
  | 'transient';

export type EaselErrorCode =
  | 'INVALID_INPUT'
  | 'MISSING_KEY'
  | 'MISSING_BASE_URL'
  | 'UNKNOWN_PROVIDER'
  | 'UNKNOWN_MODEL'
  | 'AUTH_FAILED'
  | 'INSUFFICIENT_CREDITS'
  | 'FORBIDDEN'
  /** The OS offers no real keychain (Linux basic_text) and the person has not accepted that. */
  | 'INSECURE_KEY_STORAGE'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'CONTENT_REJECTED'
  | 'VENDOR_ERROR'
  | 'VENDOR_UNAVAILABLE'
  | 'VENDOR_FAILED'
  | 'NETWORK'
  | 'TIMEOUT'
  | 'BAD_RESPONSE'
  | 'SUBMIT_OUTCOME_UNKNOWN'
  | 'DOWNLOAD_FAILED'
  | 'RESULT_EXPIRED'
  | 'CANCELED'
  | 'INTERNAL';

export interface EaselErrorOptions {
  retry?: RetryClass;
  detail?: string;
  /** For RATE_LIMITED and 503s: how long the vendor asked us to wait. */
  retryAfterMs?: number;
  /** HTTP status that produced the error, when there was one. */
  status?: number;
  cause?: unknown;
  /**
   * Whether the request may have reached the vendor. 'unknown' after a connection dropped once
   * the request was written: for a create, that means a job (and a charge) may exist.
   */
  delivery?: 'not-sent' | 'unknown' | 'answered';
  /**
   * Where to fix it, in the words of the host that raises the error ("Set EASEL_KVID_API_KEY in
   * the environment."). Appended to `message` for whoever sees the error now; never stored.
   */
  advice?: string;
}

export class EaselError extends Error {
  readonly code: EaselErrorCode;
  readonly retry: RetryClass;
  readonly detail: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly status: number | undefined;
  readonly delivery: 'not-sent' | 'unknown' | 'answered';
  /** The message without the host's advice: what a stored record keeps. */
  readonly fact: string;
  readonly advice: string | undefined;

  constructor(code: EaselErrorCode, message: string, options: EaselErrorOptions = {}) {
    const advice = options.advice?.trim() || undefined;
    super(advice ? `${message} ${advice}` : message, options.cause === undefined ? undefined : { cause: options.cause });
    this.fact = message;
    this.advice = advice;
    this.name = 'EaselError';
    this.code = code;
    this.retry = options.retry ?? 'final';
    this.detail = options.detail;
    this.retryAfterMs = options.retryAfterMs;
    this.status = options.status;
    this.delivery = options.delivery ?? 'answered';
  }

  /** The error as a record keeps it: host-neutral, so either host can add its own advice. */
  toInfo(): ErrorInfo {
    return this.detail === undefined
      ? { code: this.code, message: this.fact }
      : { code: this.code, message: this.fact, detail: this.detail };
  }
}

export function isEaselError(value: unknown): value is EaselError {
  return value instanceof EaselError;
}

/** Any thrown value as an EaselError, so callers never print a stack to a person. */
export function toEaselError(value: unknown): EaselError {
  if (value instanceof EaselError) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new EaselError('INTERNAL', `Something went wrong inside Easel: ${message}`, { cause: value });
}

export function invalidInput(message: string): EaselError {
  return new EaselError('INVALID_INPUT', message);
}
