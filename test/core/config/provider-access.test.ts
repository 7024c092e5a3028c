// A refusal before sending says what is missing in words that hold in any host, plus the advice
// of the host that raised it; the job record keeps only the fact, for whichever host shows it.
import { describe, expect, it } from 'vitest';
import { envProviderAccess, requireAccess, type ProviderAccess } from '../../../electron/core/config/provider-access';
import { EaselError } from '../../../electron/core/errors/easel-error';
import { kvidAdapter } from '../../../electron/core/providers/kvid/kvid-adapter';
import { unifiedAdapter } from '../../../electron/core/providers/unified/unified-adapter';

async function refusal(access: ProviderAccess, adapter = kvidAdapter): Promise<EaselError> {
  const error = await requireAccess(access, adapter).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof EaselError)) throw new Error('expected a refusal');
  return error;
}

describe('requireAccess', () => {
  it('a missing key: the environment names its variable; the record keeps the plain fact', async () => {
    const error = await refusal(envProviderAccess({}));
    expect(error.code).toBe('MISSING_KEY');
    expect(error.message).toBe('No kvid API key is set. Set EASEL_KVID_API_KEY in the environment.');
    expect(error.toInfo()).toEqual({ code: 'MISSING_KEY', message: 'No kvid API key is set.' });
  });

  it('a missing base URL: the environment names its variable; nothing else does', async () => {
    const error = await refusal(envProviderAccess({ EASEL_UNIFIED_API_KEY: 'sk_unified_0000' }), unifiedAdapter);
    expect(error.code).toBe('MISSING_BASE_URL');
    expect(error.message).toBe('Unified has no default address, so it needs a base URL first. Set EASEL_UNIFIED_BASE_URL to a full https:// address.');
    expect(error.toInfo().message).toBe('Unified has no default address, so it needs a base URL first.');
    const bad = await refusal(envProviderAccess({ EASEL_KVID_BASE_URL: 'ftp://kvid.example', EASEL_KVID_API_KEY: 'k' }));
    expect(bad.message).toMatch(/^The kvid base URL must start with https:\/\/ \(got ftp:\)\. Set EASEL_KVID_BASE_URL/);
  });

  it('a host without words for it adds none, and no host’s words reach the core’s message', async () => {
    const quiet: ProviderAccess = { apiKey: async () => null, baseUrl: () => 'https://api.kvid.ai', keyHint: () => '' };
    const error = await refusal(quiet);
    expect(error.message).toBe('No kvid API key is set.');
    expect(error.message).not.toMatch(/Settings|EASEL_/);
  });
});

describe('EaselError advice', () => {
  it('is shown with the message and never stored', () => {
    const error = new EaselError('AUTH_FAILED', 'kvid rejected the API key (401).', { advice: 'Check it somewhere.', detail: 'HTTP 401' });
    expect(error.message).toBe('kvid rejected the API key (401). Check it somewhere.');
    expect(error.toInfo()).toEqual({ code: 'AUTH_FAILED', message: 'kvid rejected the API key (401).', detail: 'HTTP 401' });
    expect(new EaselError('AUTH_FAILED', 'Refused.', { advice: '  ' }).message).toBe('Refused.');
  });
});
