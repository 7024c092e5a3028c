import os from 'node:os';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { requireAccess } from '../../../electron/core/config/provider-access';
import { desktopProviderAccess } from '../../../electron/core/keys/desktop-provider-access';
import { createKeyVault } from '../../../electron/core/keys/key-vault';
import { revidAdapter } from '../../../electron/core/providers/revid/revid-adapter';
import { sandboxAdapter } from '../../../electron/core/providers/sandbox/sandbox-adapter';
import { unifiedAdapter } from '../../../electron/core/providers/unified/unified-adapter';
import { createSettingsStore } from '../../../electron/core/settings/settings-store';
import { fakeCipher, memoryStore } from './fake-secrets';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function setup(env: NodeJS.ProcessEnv = {}) {
  dir = await mkdtemp(path.join(os.tmpdir(), 'easel-access-'));
  const settings = createSettingsStore({ dataDir: dir });
  const vault = createKeyVault({ cipher: fakeCipher(), store: memoryStore(), basicTextConsented: () => false, platform: 'linux' });
  return { settings, vault, access: desktopProviderAccess({ vault, settings, env }) };
}

describe('desktop provider access', () => {
  it('takes keys from the vault, shared by the revid account, and never from the environment', async () => {
    const { vault, access } = await setup({ EASEL_REVID_API_KEY: 'sk_from_env_0000' });
    expect(await access.apiKey(revidAdapter)).toBeNull();
    await vault.set('revid', 'sk_live_vault_key_1234');
    expect(await access.apiKey(revidAdapter)).toBe('sk_live_vault_key_1234');
    expect(await access.apiKey(sandboxAdapter)).toBeNull();
    await expect(requireAccess(access, unifiedAdapter)).rejects.toThrow(/base URL/);
  });

  it('picks the base URL from settings, then EASEL_<ID>_BASE_URL, then the vendor default', async () => {
    const { settings, access } = await setup({ EASEL_REVID_BASE_URL: 'http://127.0.0.1:9999' });
    expect(access.baseUrl(revidAdapter)).toBe('http://127.0.0.1:9999');
    settings.update({ baseUrls: { revid: 'https://proxy.example/revid' } });
    expect(access.baseUrl(revidAdapter)).toBe('https://proxy.example/revid');
    settings.update({ baseUrls: { revid: null } });
    expect(access.baseUrl(revidAdapter)).toBe('http://127.0.0.1:9999');
    const plain = desktopProviderAccess({ vault: createKeyVault({ cipher: fakeCipher(), store: memoryStore(), basicTextConsented: () => false }), settings, env: {} });
    expect(plain.baseUrl(revidAdapter)).toBe('https://ai.revidapi.com');
    expect(plain.baseUrl(unifiedAdapter)).toBeNull();
  });

  it('tells a person with no key where to add it', async () => {
    const { access } = await setup();
    await expect(requireAccess(access, revidAdapter)).rejects.toThrow(/Settings → API keys/);
  });

  it('says a stored key cannot be read, rather than that none is set', async () => {
    const cipher = fakeCipher();
    dir = await mkdtemp(path.join(os.tmpdir(), 'easel-access-'));
    const vault = createKeyVault({ cipher, store: memoryStore(), basicTextConsented: () => false, platform: 'linux' });
    const access = desktopProviderAccess({ vault, settings: createSettingsStore({ dataDir: dir }), env: {} });
    await vault.set('revid', 'sk_live_vault_key_1234');
    cipher.broken = true;
    expect(await access.apiKey(revidAdapter)).toBeNull();
    expect(await access.keyHint(revidAdapter)).toMatch(/cannot be decrypted/);
    const refusal = (await requireAccess(access, revidAdapter).then(
      () => null,
      (error: unknown) => error,
    )) as Error & { code: string };
    expect(refusal).toMatchObject({ code: 'MISSING_KEY' });
    expect(refusal.message).toMatch(/cannot be decrypted.*Set it again/);
    expect(refusal.message).not.toContain('sk_live_vault_key_1234');
  });
});
