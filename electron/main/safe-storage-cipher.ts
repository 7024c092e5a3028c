// SecretCipher over Electron's safeStorage: the OS protects the encryption key (Keychain on
// macOS, DPAPI on Windows, the Secret Service or KWallet on Linux). On Linux without a keyring
// Electron falls back to 'basic_text', a hard-coded password; the backend is reported so the key
// vault can refuse it until the person accepts (electron/core/keys/key-vault.ts).
//
// The synchronous calls are deprecated in Electron 45 in favour of *Async ones; they still work,
// and the vault's interface stays synchronous until the core moves to the async forms.
import type { SafeStorage } from 'electron';
import type { SecretCipher } from '../core/keys/secret-cipher';

export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

export function safeStorageCipher(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): SecretCipher {
  return {
    isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
    backend() {
      if (platform === 'linux') return safeStorage.getSelectedStorageBackend();
      // Only Linux has a choice of backends; elsewhere safeStorage always uses the OS store.
      if (platform === 'darwin') return 'keychain';
      if (platform === 'win32') return 'dpapi';
      return 'unknown';
    },
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (encrypted) => safeStorage.decryptString(encrypted),
  };
}
