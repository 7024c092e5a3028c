// The two things the key vault needs from its host, as small interfaces so the vault runs (and is
// tested) in plain Node. The desktop app implements them with Electron's safeStorage and
// electron-store (electron/main/safe-storage-cipher.ts, electron/main/key-store.ts).

/** What decrypting gives back. */
export interface Decrypted {
  plain: string;
  /**
   * The OS key was rotated (or a stronger one became available) since this was encrypted: the
   * value should be encrypted again and stored, or a later session may not read it.
   */
  shouldReEncrypt: boolean;
}

/**
 * Encrypts with a key the operating system protects (Keychain, DPAPI, libsecret, KWallet).
 * Asynchronous because asking the OS keyring may take time (and may show a prompt).
 */
export interface SecretCipher {
  isEncryptionAvailable(): Promise<boolean>;
  /**
   * Which protection is in use: 'keychain', 'dpapi', 'gnome_libsecret', 'kwallet', 'kwallet5',
   * 'kwallet6', 'basic_text' (Linux without a keyring: a password hard-coded in Electron), or
   * 'unknown' (asked before the app was ready).
   */
  backend(): string;
  encrypt(plain: string): Promise<Buffer>;
  decrypt(encrypted: Buffer): Promise<Decrypted>;
}

/** Where encrypted keys persist, as base64 strings by name. */
export interface SecretStore {
  get(name: string): string | undefined;
  set(name: string, base64: string): void;
  delete(name: string): void;
}
