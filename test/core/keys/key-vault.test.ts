import { describe, expect, it } from 'vitest';
import { BASIC_TEXT_WARNING, createKeyVault } from '../../../electron/core/keys/key-vault';
import { EaselError } from '../../../electron/core/errors/easel-error';
import { fakeCipher, memoryStore, type FakeCipher } from './fake-secrets';

const KEY = 'sk_live_4f9a8b7c6d5e4f3a2b1c9z8Y';

function vault(options: { backend?: string; platform?: NodeJS.Platform; consent?: boolean } = {}) {
  const cipher = fakeCipher(options.backend);
  const store = memoryStore();
  let consent = options.consent ?? false;
  const keys = createKeyVault({ cipher, store, basicTextConsented: () => consent, platform: options.platform ?? 'linux' });
  return { keys, cipher, store, consent: (on: boolean) => (consent = on) };
}

/** Holds the cipher's next encryption until release() is called; started says it got there. */
function holdNextEncrypt(cipher: FakeCipher) {
  let release: () => void = () => {};
  let started: () => void = () => {};
  const reached = new Promise<void>((resolve) => (started = resolve));
  cipher.beforeEncrypt = () => {
    cipher.beforeEncrypt = null;
    started();
    return new Promise<void>((resolve) => (release = resolve));
  };
  return { reached, release: () => release() };
}

async function refusalOf(work: Promise<unknown>): Promise<EaselError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EaselError);
  return error as EaselError;
}

describe('key vault', () => {
  it('stores a key encrypted and reports only that it is there and its last four characters', async () => {
    const { keys, store } = vault();
    const status = await keys.set('revid', KEY);
    expect(status).toEqual({ account: 'revid', providers: ['revid', 'revid-gpt4o', 'revid-nano-banana'], present: true, lastFour: '9z8Y', problem: null });
    expect(JSON.stringify([...store.entries])).not.toContain(KEY);
    expect(await keys.get('revid')).toBe(KEY);
    expect(await keys.status('kvid')).toMatchObject({ present: false, lastFour: null });
  });

  it('removes a key', async () => {
    const { keys, store } = vault();
    await keys.set('unified', KEY);
    expect(await keys.remove('unified')).toMatchObject({ present: false, lastFour: null });
    expect(await keys.get('unified')).toBeNull();
    expect(store.entries.size).toBe(0);
  });

  it('refuses Linux basic_text storage until the person consents, and explains what it means', async () => {
    const { keys, store, cipher, consent } = vault({ backend: 'basic_text' });
    expect(await keys.storage()).toMatchObject({ backend: 'basic_text', weak: true, consented: false, canStore: false });
    expect((await keys.storage()).warning).toBe(BASIC_TEXT_WARNING);
    const refusal = await refusalOf(keys.set('revid', KEY));
    expect(refusal.code).toBe('INSECURE_KEY_STORAGE');
    expect(refusal.message).toMatch(/basic_text/);
    expect(refusal.message).toMatch(/hard-coded/);
    expect(refusal.message).toMatch(/any program running as you/);
    expect(refusal.message).not.toContain(KEY);
    expect(store.entries.size).toBe(0);
    // Refused before the OS was even asked to encrypt.
    expect(cipher.encryptCalls).toBe(0);

    consent(true);
    expect(await keys.storage()).toMatchObject({ weak: true, consented: true, canStore: true });
    expect((await keys.set('revid', KEY)).present).toBe(true);
  });

  it('stores nothing on basic_text when consent is withdrawn while the OS is encrypting', async () => {
    const { keys, store, cipher, consent } = vault({ backend: 'basic_text', consent: true });
    const hold = holdNextEncrypt(cipher);
    const setting = keys.set('revid', KEY);
    await hold.reached;
    consent(false);
    hold.release();
    expect((await refusalOf(setting)).code).toBe('INSECURE_KEY_STORAGE');
    expect(store.entries.size).toBe(0);
  });

  it('treats basic_text as weak only on Linux, where it is the keyring-less fallback', async () => {
    const { keys } = vault({ backend: 'basic_text', platform: 'darwin' });
    expect((await keys.storage()).weak).toBe(false);
  });

  it('stores nothing when the OS offers no encryption', async () => {
    const { keys, cipher, store } = vault();
    cipher.available = false;
    await expect(keys.set('kvid', KEY)).rejects.toThrow(/no encryption/);
    expect(await keys.storage()).toMatchObject({ encryptionAvailable: false, canStore: false });
    expect(store.entries.size).toBe(0);
  });

  it('stores nothing when the OS refuses to encrypt, and says so without the key', async () => {
    const { keys, cipher, store } = vault();
    cipher.refuseEncrypt = true;
    const refusal = await refusalOf(keys.set('kvid', KEY));
    expect(refusal.code).toBe('INTERNAL');
    expect(refusal.message).not.toContain(KEY);
    expect(store.entries.size).toBe(0);
  });

  it('says a key is present but unusable when it cannot be decrypted, without the cipher’s message', async () => {
    const { keys, cipher } = vault();
    await keys.set('kvid', KEY);
    cipher.broken = true;
    const status = await keys.status('kvid');
    expect(status).toMatchObject({ present: true, lastFour: null });
    expect(status.problem).toMatch(/Set it again/);
    expect(status.problem).not.toMatch(/safeStorage/);
    expect(await keys.get('kvid')).toBeNull();
    expect(await keys.secrets()).toEqual([]);
  });

  it('lists every readable key for redaction', async () => {
    const { keys } = vault();
    await keys.set('revid', KEY);
    await keys.set('unified', 'uk_another_key_1234');
    expect((await keys.secrets()).sort()).toEqual([KEY, 'uk_another_key_1234'].sort());
  });

  it('runs set and remove in the order they were asked for', async () => {
    const { keys, cipher, store } = vault();
    const hold = holdNextEncrypt(cipher);
    const setting = keys.set('revid', KEY);
    await hold.reached;
    const removing = keys.remove('revid');
    hold.release();
    expect((await setting).present).toBe(true);
    expect((await removing).present).toBe(false);
    expect(store.entries.size).toBe(0);
  });
});

describe('key vault after the OS key was rotated', () => {
  it('re-encrypts a key under the new OS key and saves it when decryption says so', async () => {
    const { keys, cipher, store } = vault();
    await keys.set('revid', KEY);
    const before = store.entries.get('key.revid');
    cipher.generation = 2;

    expect(await keys.get('revid')).toBe(KEY);
    const after = store.entries.get('key.revid');
    expect(after).not.toBe(before);
    expect(Buffer.from(after!, 'base64').toString()).toMatch(/^v2:/);
    expect(after).not.toContain(KEY);
    expect(Buffer.from(after!, 'base64').toString()).not.toContain(KEY);

    // Once saved under the new key, reading it again does not encrypt again.
    const calls = cipher.encryptCalls;
    expect(await keys.status('revid')).toMatchObject({ present: true, lastFour: '9z8Y', problem: null });
    expect(await keys.secrets()).toEqual([KEY]);
    expect(cipher.encryptCalls).toBe(calls);
  });

  it('re-encrypts on any read: status and the redaction list as well as get', async () => {
    for (const readOnce of [(k: ReturnType<typeof vault>['keys']) => k.status('kvid'), (k: ReturnType<typeof vault>['keys']) => k.secrets(), (k: ReturnType<typeof vault>['keys']) => k.statusAll()]) {
      const { keys, cipher, store } = vault();
      await keys.set('kvid', KEY);
      cipher.generation = 3;
      await readOnce(keys);
      expect(Buffer.from(store.entries.get('key.kvid')!, 'base64').toString()).toMatch(/^v3:/);
    }
  });

  it('keeps the old ciphertext and still answers with the key when re-encrypting fails', async () => {
    const { keys, cipher, store } = vault();
    await keys.set('revid', KEY);
    const before = store.entries.get('key.revid');
    cipher.generation = 2;
    cipher.refuseEncrypt = true;
    expect(await keys.get('revid')).toBe(KEY);
    expect(store.entries.get('key.revid')).toBe(before);
    // And tries again at the next read, once the OS agrees.
    cipher.refuseEncrypt = false;
    expect(await keys.get('revid')).toBe(KEY);
    expect(Buffer.from(store.entries.get('key.revid')!, 'base64').toString()).toMatch(/^v2:/);
  });

  it('does not write a key onto basic_text storage the person has not accepted', async () => {
    const { keys, cipher, store, consent } = vault({ backend: 'basic_text', consent: true });
    await keys.set('revid', KEY);
    const before = store.entries.get('key.revid');
    consent(false);
    cipher.generation = 2;
    const calls = cipher.encryptCalls;
    expect(await keys.get('revid')).toBe(KEY);
    expect(store.entries.get('key.revid')).toBe(before);
    expect(cipher.encryptCalls).toBe(calls);
  });

  it('never overwrites a key removed or replaced while it was re-encrypting', async () => {
    const { keys, cipher, store } = vault();
    await keys.set('revid', KEY);
    cipher.generation = 2;
    const hold = holdNextEncrypt(cipher);
    const reading = keys.get('revid');
    await hold.reached;
    await keys.remove('revid');
    hold.release();
    expect(await reading).toBe(KEY);
    expect(store.entries.has('key.revid')).toBe(false);

    await keys.set('kvid', KEY);
    cipher.generation = 3;
    const again = holdNextEncrypt(cipher);
    const rereading = keys.get('kvid');
    await again.reached;
    await keys.set('kvid', 'kv_live_replacement_0000');
    again.release();
    await rereading;
    expect(await keys.get('kvid')).toBe('kv_live_replacement_0000');
  });
});
