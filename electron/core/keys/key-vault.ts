// API keys at rest: encrypted by the OS (through SecretCipher) before they touch the store, and
// decrypted only in this process, only when a request needs one. The vault is the one place that
// holds a key in memory on purpose; everything it reports outward (status, errors) carries at
// most the last four characters.
import { ACCOUNT_PROVIDERS, KEY_ACCOUNTS, type KeyAccount, type KeyStatus, type KeyStorage } from '../../../shared/contract-keys';
import { EaselError } from '../errors/easel-error';
import type { SecretCipher, SecretStore } from './secret-cipher';

export const BASIC_TEXT_WARNING =
  'This computer has no keyring Easel can use (no GNOME Keyring, KWallet or other Secret Service is running), ' +
  "so keys would be stored with Electron's basic_text fallback: encrypted with a password that is hard-coded " +
  'in Electron, which any program running as you can read and use to decrypt them. That is little better than ' +
  'a plain text file. Start a keyring and restart Easel, or turn on "Store keys without a keyring" in ' +
  'Settings → API keys if you accept this.';

const UNREADABLE =
  'The stored key cannot be decrypted in this session (the keyring or the user account changed since it was saved). Set it again.';

export interface KeyVaultOptions {
  cipher: SecretCipher;
  store: SecretStore;
  /** Whether the person accepted basic_text storage (read from settings at each use). */
  basicTextConsented: () => boolean;
  platform?: NodeJS.Platform;
}

export interface KeyVault {
  /** How keys are protected here, and whether one can be stored now. */
  storage(): KeyStorage;
  status(account: KeyAccount): KeyStatus;
  statusAll(): KeyStatus[];
  /** Encrypts and stores a key (already trimmed and checked by the contract). */
  set(account: KeyAccount, key: string): KeyStatus;
  remove(account: KeyAccount): KeyStatus;
  /** The key, decrypted; null when none is stored or it cannot be decrypted. */
  get(account: KeyAccount): string | null;
  /** Every readable stored key: what error messages are scrubbed of before they leave main. */
  secrets(): string[];
}

const entryName = (account: KeyAccount): string => `key.${account}`;

export function createKeyVault(options: KeyVaultOptions): KeyVault {
  const { cipher, store } = options;
  const platform = options.platform ?? process.platform;

  const storage = (): KeyStorage => {
    const backend = safely(() => cipher.backend(), 'unknown');
    const encryptionAvailable = safely(() => cipher.isEncryptionAvailable(), false);
    const weak = platform === 'linux' && backend === 'basic_text';
    const consented = options.basicTextConsented();
    const canStore = encryptionAvailable && (!weak || consented);
    let warning: string | null = null;
    if (!encryptionAvailable) warning = 'The operating system offers no encryption for keys right now, so Easel will not store one.';
    else if (weak) warning = BASIC_TEXT_WARNING;
    return { backend, encryptionAvailable, weak, consented, canStore, warning };
  };

  const decrypt = (account: KeyAccount): { state: 'absent' } | { state: 'unreadable' } | { state: 'ok'; key: string } => {
    const stored = store.get(entryName(account));
    if (stored === undefined || stored === '') return { state: 'absent' };
    try {
      const key = cipher.decrypt(Buffer.from(stored, 'base64'));
      return key ? { state: 'ok', key } : { state: 'unreadable' };
    } catch {
      // The cipher's message is not passed on: it is about the keyring, and only the code matters.
      return { state: 'unreadable' };
    }
  };

  const status = (account: KeyAccount): KeyStatus => {
    const read = decrypt(account);
    return {
      account,
      providers: [...ACCOUNT_PROVIDERS[account]],
      present: read.state !== 'absent',
      lastFour: read.state === 'ok' && read.key.length >= 4 ? read.key.slice(-4) : null,
      problem: read.state === 'unreadable' ? UNREADABLE : null,
    };
  };

  return {
    storage,
    status,
    statusAll: () => KEY_ACCOUNTS.map(status),

    set(account, key) {
      const where = storage();
      if (!where.encryptionAvailable) throw new EaselError('INSECURE_KEY_STORAGE', where.warning ?? 'Keys cannot be stored on this computer right now.');
      if (where.weak && !where.consented) throw new EaselError('INSECURE_KEY_STORAGE', BASIC_TEXT_WARNING);
      let encrypted: Buffer;
      try {
        encrypted = cipher.encrypt(key);
      } catch {
        throw new EaselError('INTERNAL', 'The operating system refused to encrypt the key. Nothing was stored.');
      }
      store.set(entryName(account), encrypted.toString('base64'));
      return status(account);
    },

    remove(account) {
      store.delete(entryName(account));
      return status(account);
    },

    get(account) {
      const read = decrypt(account);
      return read.state === 'ok' ? read.key : null;
    },

    secrets() {
      return KEY_ACCOUNTS.flatMap((account) => {
        const read = decrypt(account);
        return read.state === 'ok' ? [read.key] : [];
      });
    },
  };
}

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}
