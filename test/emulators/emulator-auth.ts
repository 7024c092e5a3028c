// Who may call an emulator. Each vendor reads its key from its own header and words its own
// refusals, so both stay in the emulators; what is the same everywhere is the check itself: a
// key the emulator knows, then (for vendors with one) the account-wide per-minute limit, in that
// order, so an unknown key is a 401 even while the limit is reached.
import type { EmulatorRequest } from './emulator-server';
import { PerMinuteLimit } from './emulator-rate-limit';

/** Reads the key a request presents; undefined when it presents none the vendor would read. */
export type KeyReader = (request: EmulatorRequest) => string | undefined;

/** `Authorization: Bearer <key>`; another scheme, a blank key or extra words read as no key. */
export const bearerKey: KeyReader = (request) => /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];

/** A header that holds the bare key (`x-api-key`, `api-key`); spaces around it are not part of it. */
export const headerKey =
  (name: string): KeyReader =>
  (request) =>
    request.headers[name]?.trim() || undefined;

export type Admission =
  | { key: string }
  | { refused: 'unknown-key' }
  /** The key is good but the limit is reached; the vendor answers 429 with Retry-After. */
  | { refused: 'rate-limited'; retryAfterSeconds: number; perMinute: number };

export interface KeyGateOptions {
  read: KeyReader;
  keys: Iterable<string>;
  /** Requests per rolling minute across all keys; undefined = no limit. */
  rateLimitPerMinute?: number;
}

export class KeyGate {
  private readonly read: KeyReader;
  private readonly keys: ReadonlySet<string>;
  private readonly limit: PerMinuteLimit | undefined;

  constructor(options: KeyGateOptions) {
    this.read = options.read;
    this.keys = new Set(options.keys);
    this.limit = options.rateLimitPerMinute === undefined ? undefined : new PerMinuteLimit(options.rateLimitPerMinute);
  }

  /** Checks the key, then counts the request against the limit (only requests with a good key count). */
  admit(request: EmulatorRequest): Admission {
    const key = this.read(request);
    if (key === undefined || !this.keys.has(key)) return { refused: 'unknown-key' };
    if (this.limit) {
      const wait = this.limit.take();
      if (wait !== null) return { refused: 'rate-limited', retryAfterSeconds: wait, perMinute: this.limit.perMinute };
    }
    return { key };
  }
}

/** The Retry-After header for a rate-limited admission, in whole seconds as HTTP has it. */
export function retryAfter(seconds: number): Record<string, string> {
  return { 'retry-after': String(seconds) };
}
