// Stand-ins for safeStorage and electron-store: a reversible cipher whose output never contains
// the plain text (so a test can tell a leaked key from a stored one) and a Map as the store.
// Like safeStorage's async API, every cipher call answers later (a promise), and decrypting
// says when the value was written under an older OS key (shouldReEncrypt).
import type { SecretCipher, SecretStore } from '../../../electron/core/keys/secret-cipher';

export interface FakeCipher extends SecretCipher {
  backendName: string;
  available: boolean;
  /** Decryption fails, as after the keyring changed. */
  broken: boolean;
  /** Encryption fails (the OS refused). */
  refuseEncrypt: boolean;
  /** The OS key's generation: ciphertext of an older one still decrypts, with shouldReEncrypt. */
  generation: number;
  /** How many times encrypt was called. */
  encryptCalls: number;
  /** Awaited inside encrypt, before it answers: lets a test hold the OS mid-encryption. */
  beforeEncrypt: (() => Promise<void>) | null;
}

export function fakeCipher(backendName = 'gnome_libsecret'): FakeCipher {
  const cipher: FakeCipher = {
    backendName,
    available: true,
    broken: false,
    refuseEncrypt: false,
    generation: 1,
    encryptCalls: 0,
    beforeEncrypt: null,
    isEncryptionAvailable: async () => cipher.available,
    backend: () => cipher.backendName,
    async encrypt(plain) {
      cipher.encryptCalls += 1;
      const generation = cipher.generation;
      await cipher.beforeEncrypt?.();
      if (cipher.refuseEncrypt) throw new Error('Error while encrypting the text provided to safeStorage.encryptStringAsync.');
      return Buffer.from(`v${generation}:${Buffer.from(plain, 'utf8').reverse().toString('hex')}`, 'utf8');
    },
    async decrypt(encrypted) {
      if (cipher.broken) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptStringAsync.');
      const match = /^v(\d+):([0-9a-f]*)$/.exec(encrypted.toString('utf8'));
      if (!match || Number(match[1]) > cipher.generation) throw new Error('not ours');
      return { plain: Buffer.from(match[2]!, 'hex').reverse().toString('utf8'), shouldReEncrypt: Number(match[1]) < cipher.generation };
    },
  };
  return cipher;
}

export function memoryStore(): SecretStore & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    get: (name) => entries.get(name),
    set: (name, value) => void entries.set(name, value),
    delete: (name) => void entries.delete(name),
  };
}
