// Stand-ins for safeStorage and electron-store: a reversible cipher whose output never contains
// the plain text (so a test can tell a leaked key from a stored one) and a Map as the store.
import type { SecretCipher, SecretStore } from '../../../electron/core/keys/secret-cipher';

export interface FakeCipher extends SecretCipher {
  backendName: string;
  available: boolean;
  /** Decryption fails, as after the keyring changed. */
  broken: boolean;
}

export function fakeCipher(backendName = 'gnome_libsecret'): FakeCipher {
  const cipher: FakeCipher = {
    backendName,
    available: true,
    broken: false,
    isEncryptionAvailable: () => cipher.available,
    backend: () => cipher.backendName,
    encrypt: (plain) => Buffer.from(`v1:${Buffer.from(plain, 'utf8').reverse().toString('hex')}`, 'utf8'),
    decrypt(encrypted) {
      if (cipher.broken) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      const text = encrypted.toString('utf8');
      if (!text.startsWith('v1:')) throw new Error('not ours');
      return Buffer.from(text.slice(3), 'hex').reverse().toString('utf8');
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
