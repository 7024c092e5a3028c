import { describe, expect, it } from 'vitest';
import { backoffMs, DEFAULT_TIMING, nextPollMs, timingFromEnv } from '../../../electron/core/jobs/timing-policy';
import { parseRetryAfter } from '../../../electron/core/http/retry-after';

describe('backoff', () => {
  it('grows exponentially, stays within the cap, and never undercuts Retry-After', () => {
    const t = { ...DEFAULT_TIMING, retryBaseMs: 100, retryMaxMs: 1000 };
    const max = () => 0.999999;
    expect(backoffMs(t, 0, 0, max)).toBeLessThanOrEqual(100);
    expect(backoffMs(t, 3, 0, max)).toBeLessThanOrEqual(800);
    expect(backoffMs(t, 10, 0, max)).toBeLessThanOrEqual(1000);
    expect(backoffMs(t, 0, 5000, max)).toBe(5000);
  });

  it('spreads retries (jitter) so many jobs do not retry in lockstep', () => {
    const t = { ...DEFAULT_TIMING, retryBaseMs: 1000 };
    const values = new Set([0.1, 0.5, 0.9].map((r) => backoffMs(t, 2, 0, () => r)));
    expect(values.size).toBe(3);
  });
});

describe('poll interval', () => {
  it('starts short, grows while the vendor is quiet, and resets on progress', () => {
    const t = { ...DEFAULT_TIMING, pollInitialMs: 1000, pollMaxMs: 4000, pollGrowth: 2 };
    let wait = nextPollMs(t, null, false);
    expect(wait).toBe(1000);
    wait = nextPollMs(t, wait, false);
    expect(wait).toBe(2000);
    wait = nextPollMs(t, nextPollMs(t, wait, false), false);
    expect(wait).toBe(4000);
    expect(nextPollMs(t, wait, true)).toBe(1000);
  });
});

describe('timing from the environment', () => {
  it('reads overrides and ignores nonsense', () => {
    const t = timingFromEnv({ EASEL_POLL_INITIAL_MS: '50', EASEL_RETRY_BASE_MS: 'soon' });
    expect(t.pollInitialMs).toBe(50);
    expect(t.retryBaseMs).toBe(DEFAULT_TIMING.retryBaseMs);
  });
});

describe('Retry-After', () => {
  it('accepts seconds and HTTP dates', () => {
    expect(parseRetryAfter('1')).toBe(1000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('later')).toBeUndefined();
  });
});
