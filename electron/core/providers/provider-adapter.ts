// The one interface every vendor API implements. Adapters are pure translators between
// Easel's vendor-neutral request and one vendor's HTTP API: they never sleep, retry, or touch
// disk. The job runner owns timing, retries, persistence and downloads for all of them.
import type { GenerationRequest, ProviderId } from '../../../shared/domain';
import type { ModelInfo } from '../../../shared/catalog';
import type { EaselError } from '../errors/easel-error';
import type { RequestSpec, VendorResponse } from '../http/request-spec';

/** Everything an adapter needs to build a request; resolved by the core, never by the adapter. */
export interface AdapterContext {
  baseUrl: string;
  apiKey: string;
  /** Same value for every retry of one create, for APIs that honour it. */
  idempotencyKey: string;
}

/** A reference the core has already checked (exists, is an image, within the model's limits). */
export type ResolvedReference =
  | { kind: 'file'; path: string; filename: string; contentType: string; bytes: number }
  | { kind: 'url'; url: string };

export interface ResultImage {
  url: string;
  width?: number;
  height?: number;
}

export type PollOutcome =
  | { kind: 'running'; progress?: number }
  /** Finished, but the images come from a separate result call (kvid). */
  | { kind: 'fetch-result' }
  | { kind: 'succeeded'; images: ResultImage[]; costCredits?: number }
  | { kind: 'failed'; error: EaselError };

export interface RequestBudget {
  /** Whole-account limit the vendor publishes, shared by every job of this provider. */
  requestsPerMinute?: number;
  /** Per-task limit (gpt4o: 3 queries per second per task). */
  perTaskPerSecond?: number;
}

export type KeyVerdict = 'valid' | 'invalid' | 'unknown';

/** "Test key": a request that authenticates and can never create a job or cost credits. */
export interface KeyCheck {
  build(ctx: AdapterContext): RequestSpec;
  /** Any answer, 2xx or not: a refused key is `invalid`; "authenticated, no such job" is `valid`. */
  interpret(response: VendorResponse): KeyVerdict;
}

export interface ProviderAdapter {
  readonly id: ProviderId;
  readonly label: string;
  /** null when the person must set it (unified). */
  readonly defaultBaseUrl: string | null;
  /** Environment variable holding the key for the CLI and tests; null for keyless providers. */
  readonly keyEnv: string | null;
  /** True only where the API documents an idempotency key (unified). */
  readonly idempotentCreate: boolean;
  readonly budget: RequestBudget;
  readonly models: readonly ModelInfo[];

  /** Vendor-specific checks beyond what the catalog expresses; return an error to refuse. */
  validate?(request: GenerationRequest, model: ModelInfo): EaselError | null;

  buildCreate(request: GenerationRequest, references: readonly ResolvedReference[], ctx: AdapterContext): RequestSpec;
  /** Reads the vendor job id from a 2xx answer; throws EaselError when the body says otherwise. */
  parseCreate(response: VendorResponse): { vendorJobId: string };

  buildPoll(vendorJobId: string, ctx: AdapterContext): RequestSpec;
  parsePoll(response: VendorResponse): PollOutcome;

  buildResult?(vendorJobId: string, ctx: AdapterContext): RequestSpec;
  parseResult?(response: VendorResponse): PollOutcome;

  /** Present where the API has a free authenticated call (see key-probe.ts). */
  readonly keyCheck?: KeyCheck;

  /** Turns a non-2xx answer into an error with a clear message; `phase` tunes the wording. */
  mapError(response: VendorResponse, phase: 'create' | 'poll' | 'result'): EaselError;
}
