// The window's advice for a job's problem: which Settings section, for which key account. A job
// may have been started from the command line; the window never repeats a terminal's advice.
import { describe, expect, it } from 'vitest';
import { problemAdvice } from '../../../renderer/screens/activity/problem-advice';

describe('problem advice in the window', () => {
  it('points a refused or missing key at Settings → API keys, naming the account', () => {
    expect(problemAdvice('AUTH_FAILED', 'kvid')).toBe('Check the kvid key in Settings → API keys.');
    expect(problemAdvice('AUTH_FAILED', 'unified')).toBe('Check the Unified key in Settings → API keys.');
    expect(problemAdvice('AUTH_FAILED', 'revid-gpt4o')).toBe('One key serves every revid API: check it in Settings → API keys.');
    expect(problemAdvice('MISSING_KEY', 'revid-nano-banana')).toBe('Add the revid key in Settings → API keys.');
  });

  it('points a missing address at Settings → Providers', () => {
    expect(problemAdvice('MISSING_BASE_URL', 'unified')).toBe('Set its address in Settings → Providers.');
  });

  it('has nothing to add elsewhere, and never names an environment variable', () => {
    expect(problemAdvice('INSUFFICIENT_CREDITS', 'kvid')).toBeNull();
    expect(problemAdvice('AUTH_FAILED', 'sandbox')).toBeNull();
    for (const code of ['AUTH_FAILED', 'MISSING_KEY', 'MISSING_BASE_URL']) {
      for (const provider of ['revid', 'revid-gpt4o', 'revid-nano-banana', 'kvid', 'unified'] as const) {
        expect(problemAdvice(code, provider) ?? '').not.toMatch(/EASEL_|command line/);
      }
    }
  });
});
