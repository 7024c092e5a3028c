// The two things the key vault needs from its host, as small interfaces so the vault runs (and is
// tested) in plain Node. The desktop app implements them with Electron's safeStorage and
// electron-store (electron/main/safe-storage-cipher.ts, electron/main/key-store.ts).

/** Encrypts with a key the operating system protects (Keychain, DPAPI, libsecret, KWallet). */
export interface SecretCipher {
  isEncryptionAvailable(): boolean;
  /**
   * Which protection is in use: 'keychain', 'dpapi', 'gnome_libsecret', 'kwallet', 'kwallet5',
   * 'kwallet6', 'basic_text' (Linux without a keyring: a password hard-coded in Electron), or
   * 'unknown' (asked before the app was ready).
   */
  backend(): string;
  encrypt(plain: string): Buffer;
  decrypt(encrypted: Buffer): string;
}

/** Where encrypted keys persist, as base64 strings by name. */
export interface SecretStore {
  get(name: string): string | undefined;
  set(name: string, base64: string): void;
  delete(name: string): void;
}
