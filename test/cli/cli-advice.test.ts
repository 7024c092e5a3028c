// The CLI's advice for a stored problem: the variable to set or check, for the job's provider.
// Records hold host-neutral messages (the desktop app may have written them), so the words a
// terminal needs are added when the CLI prints them, and only there.
import { describe, expect, it } from 'vitest';
import { envProviderAccess } from '../../electron/core/config/provider-access';
import { createProviderRegistry } from '../../electron/core/providers/provider-registry';
import { cliAdvisor } from '../../electron/cli/cli-advice';

const advise = cliAdvisor(createProviderRegistry(), envProviderAccess({}));

describe('CLI advice', () => {
  it('names the key variable for a refused or missing key', () => {
    expect(advise({ code: 'AUTH_FAILED', message: 'kvid rejected the API key (401).' }, 'kvid')).toBe('kvid rejected the API key (401). Check EASEL_KVID_API_KEY.');
    expect(advise({ code: 'AUTH_FAILED', message: 'Unified rejected the API key.' }, 'unified')).toBe('Unified rejected the API key. Check EASEL_UNIFIED_API_KEY.');
    expect(advise({ code: 'MISSING_KEY', message: 'No revid API key is set.' }, 'revid-nano-banana')).toBe('No revid API key is set. Set EASEL_REVID_API_KEY in the environment.');
  });

  it('says that the revid APIs share one key', () => {
    expect(advise({ code: 'AUTH_FAILED', message: 'revid GPT-4o rejected the API key (401).' }, 'revid-gpt4o')).toBe(
      'revid GPT-4o rejected the API key (401). Check EASEL_REVID_API_KEY (one key serves every revid API).',
    );
  });

  it('names the base URL variable of the job’s own provider', () => {
    expect(advise({ code: 'MISSING_BASE_URL', message: 'Unified has no default address, so it needs a base URL first.' }, 'unified')).toBe(
      'Unified has no default address, so it needs a base URL first. Set EASEL_UNIFIED_BASE_URL to a full https:// address.',
    );
  });

  it('leaves other problems, keyless providers and unknown providers as they are', () => {
    expect(advise({ code: 'INSUFFICIENT_CREDITS', message: 'Your kvid account is out of credits (402). Top up, then try again.' }, 'kvid')).toBe(
      'Your kvid account is out of credits (402). Top up, then try again.',
    );
    expect(advise({ code: 'AUTH_FAILED', message: 'Refused.' }, 'sandbox')).toBe('Refused.');
    expect(advise({ code: 'AUTH_FAILED', message: 'Refused.' }, 'acme')).toBe('Refused.');
  });
});
