import { describe, expect, it } from 'vitest';
import { BASIC_TEXT_WARNING, createKeyVault } from '../../../electron/core/keys/key-vault';
import { EaselError } from '../../../electron/core/errors/easel-error';
import { fakeCipher, memoryStore } from './fake-secrets';

const KEY = 'sk_live_4f9a8b7c6d5e4f3a2b1c9z8Y';

function vault(options: { backend?: string; platform?: NodeJS.Platform; consent?: boolean } = {}) {
  const cipher = fakeCipher(options.backend);
  const store = memoryStore();
  let consent = options.consent ?? false;
  const keys = createKeyVault({ cipher, store, basicTextConsented: () => consent, platform: options.platform ?? 'linux' });
  return { keys, cipher, store, consent: (on: boolean) => (consent = on) };
}

describe('key vault', () => {
  it('stores a key encrypted and reports only that it is there and its last four characters', () => {
    const { keys, store } = vault();
    const status = keys.set('revid', KEY);
    expect(status).toEqual({ account: 'revid', providers: ['revid', 'revid-gpt4o', 'revid-nano-banana'], present: true, lastFour: '9z8Y', problem: null });
    expect(JSON.stringify([...store.entries])).not.toContain(KEY);
    expect(keys.get('revid')).toBe(KEY);
    expect(keys.status('kvid')).toMatchObject({ present: false, lastFour: null });
  });

  it('removes a key', () => {
    const { keys, store } = vault();
    keys.set('unified', KEY);
    expect(keys.remove('unified')).toMatchObject({ present: false, lastFour: null });
    expect(keys.get('unified')).toBeNull();
    expect(store.entries.size).toBe(0);
  });

  it('refuses Linux basic_text storage until the person consents, and explains what it means', () => {
    const { keys, store, consent } = vault({ backend: 'basic_text' });
    expect(keys.storage()).toMatchObject({ backend: 'basic_text', weak: true, consented: false, canStore: false });
    expect(keys.storage().warning).toBe(BASIC_TEXT_WARNING);
    let refusal: unknown;
    try {
      keys.set('revid', KEY);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(EaselError);
    expect((refusal as EaselError).code).toBe('INSECURE_KEY_STORAGE');
    expect((refusal as EaselError).message).toMatch(/basic_text/);
    expect((refusal as EaselError).message).toMatch(/hard-coded/);
    expect((refusal as EaselError).message).toMatch(/any program running as you/);
    expect((refusal as EaselError).message).not.toContain(KEY);
    expect(store.entries.size).toBe(0);

    consent(true);
    expect(keys.storage()).toMatchObject({ weak: true, consented: true, canStore: true });
    expect(keys.set('revid', KEY).present).toBe(true);
  });

  it('treats basic_text as weak only on Linux, where it is the keyring-less fallback', () => {
    const { keys } = vault({ backend: 'basic_text', platform: 'darwin' });
    expect(keys.storage().weak).toBe(false);
  });

  it('stores nothing when the OS offers no encryption', () => {
    const { keys, cipher } = vault();
    cipher.available = false;
    expect(() => keys.set('kvid', KEY)).toThrow(/no encryption/);
    expect(keys.storage()).toMatchObject({ encryptionAvailable: false, canStore: false });
  });

  it('says a key is present but unusable when it cannot be decrypted, without the cipher’s message', () => {
    const { keys, cipher } = vault();
    keys.set('kvid', KEY);
    cipher.broken = true;
    const status = keys.status('kvid');
    expect(status).toMatchObject({ present: true, lastFour: null });
    expect(status.problem).toMatch(/Set it again/);
    expect(keys.get('kvid')).toBeNull();
    expect(keys.secrets()).toEqual([]);
  });

  it('lists every readable key for redaction', () => {
    const { keys } = vault();
    keys.set('revid', KEY);
    keys.set('unified', 'uk_another_key_1234');
    expect(keys.secrets().sort()).toEqual([KEY, 'uk_another_key_1234'].sort());
  });
});
