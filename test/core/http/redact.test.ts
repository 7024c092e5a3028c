import { describe, expect, it } from 'vitest';
import { redact } from '../../../electron/core/http/redact';

describe('redact', () => {
  it('removes a known key wherever it appears', () => {
    const key = 'sk_live_abcdef123456';
    expect(redact(`request to https://x/?k=${key} failed (${key})`, [key])).not.toContain(key);
  });

  it('masks bearer tokens and api-key headers even when the key is not listed', () => {
    const out = redact('Authorization: Bearer sk_live_secret999 x-api-key: "abc123456789"');
    expect(out).not.toContain('sk_live_secret999');
    expect(out).not.toContain('abc123456789');
    expect(out).toContain('Bearer ‹redacted›');
  });

  it('leaves ordinary text alone when a secret is too short to be a real key', () => {
    expect(redact('the cat sat', ['at'])).toBe('the cat sat');
  });
});
