// All of the runner's clocks in one place. Defaults suit real vendors (jobs of tens of seconds);
// tests and impatient scripts shorten them through EASEL_POLL_* / EASEL_RETRY_* variables.
import { envValue } from '../config/provider-env';

export interface TimingPolicy {
  /** First wait before polling a freshly submitted job, and the floor of every poll wait. */
  pollInitialMs: number;
  /** Ceiling of the adaptive poll interval. */
  pollMaxMs: number;
  pollGrowth: number;
  /** Backoff for transient faults: base × 2^attempt, capped, with full jitter. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Consecutive transient faults before the runner pauses the job (it stays resumable). */
  maxTransientRetries: number;
  requestTimeoutMs: number;
  downloadTimeoutMs: number;
  /** How long before a vendor link expires that an unsaved result is flagged. */
  expiryWarningMs: number;
}

export const DEFAULT_TIMING: TimingPolicy = {
  pollInitialMs: 2_000,
  pollMaxMs: 15_000,
  pollGrowth: 1.5,
  retryBaseMs: 1_000,
  retryMaxMs: 60_000,
  maxTransientRetries: 6,
  requestTimeoutMs: 60_000,
  downloadTimeoutMs: 120_000,
  expiryWarningMs: 2 * 24 * 3600_000,
};

const ENV_KEYS: Record<string, keyof TimingPolicy> = {
  EASEL_POLL_INITIAL_MS: 'pollInitialMs',
  EASEL_POLL_MAX_MS: 'pollMaxMs',
  EASEL_RETRY_BASE_MS: 'retryBaseMs',
  EASEL_RETRY_MAX_MS: 'retryMaxMs',
  EASEL_MAX_RETRIES: 'maxTransientRetries',
  EASEL_REQUEST_TIMEOUT_MS: 'requestTimeoutMs',
};

export function timingFromEnv(env: NodeJS.ProcessEnv, base: TimingPolicy = DEFAULT_TIMING): TimingPolicy {
  const timing = { ...base };
  for (const [name, key] of Object.entries(ENV_KEYS)) {
    const raw = envValue(env, name);
    if (raw === null) continue;
    const value = Number(raw);
    if (Number.isFinite(value) && value >= 0) timing[key] = value;
  }
  return timing;
}

/** Full-jitter exponential backoff (AWS architecture blog), never below what the vendor asked. */
export function backoffMs(timing: TimingPolicy, attempt: number, vendorAskedMs = 0, random = Math.random): number {
  const ceiling = Math.min(timing.retryMaxMs, timing.retryBaseMs * 2 ** attempt);
  return Math.max(vendorAskedMs, Math.round(ceiling / 2 + (random() * ceiling) / 2));
}

/** Poll waits grow while a job is quiet, and stay short while the vendor reports progress. */
export function nextPollMs(timing: TimingPolicy, previousMs: number | null, progressed: boolean): number {
  if (previousMs === null || progressed) return timing.pollInitialMs;
  return Math.min(timing.pollMaxMs, Math.max(timing.pollInitialMs, Math.round(previousMs * timing.pollGrowth)));
}
