// SecretCipher over Electron's safeStorage: the OS protects the encryption key (Keychain on
// macOS, DPAPI on Windows, the Secret Service or KWallet on Linux). On Linux without a keyring
// Electron falls back to 'basic_text', a hard-coded password; the backend is reported so the key
// vault can refuse it until the person accepts (electron/core/keys/key-vault.ts).
//
// Only safeStorage's asynchronous calls are used (isAsyncEncryptionAvailable, encryptStringAsync,
// decryptStringAsync): the synchronous ones are deprecated in Electron 45 and gone in 46. Keys the
// synchronous encryptString wrote decrypt with decryptStringAsync; when it answers
// shouldReEncrypt (the OS key was rotated), the vault encrypts the key again and saves it.
import type { SafeStorage } from 'electron';
import type { SecretCipher } from '../core/keys/secret-cipher';

export type SafeStorageLike = Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'>;

export function safeStorageCipher(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): SecretCipher {
  return {
    isEncryptionAvailable: () => safeStorage.isAsyncEncryptionAvailable(),
    backend() {
      if (platform === 'linux') return safeStorage.getSelectedStorageBackend();
      // Only Linux has a choice of backends; elsewhere safeStorage always uses the OS store.
      if (platform === 'darwin') return 'keychain';
      if (platform === 'win32') return 'dpapi';
      return 'unknown';
    },
    encrypt: (plain) => safeStorage.encryptStringAsync(plain),
    async decrypt(encrypted) {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(encrypted);
      return { plain: result, shouldReEncrypt };
    },
  };
}
