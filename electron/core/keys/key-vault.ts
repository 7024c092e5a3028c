// API keys at rest: encrypted by the OS (through SecretCipher) before they touch the store, and
// decrypted only in this process, only when a request needs one. The vault is the one place that
// holds a key in memory on purpose; everything it reports outward (status, errors) carries at
// most the last four characters.
import { ACCOUNT_PROVIDERS, KEY_ACCOUNTS, type KeyAccount, type KeyStatus, type KeyStorage } from '../../../shared/contract-keys';
import { EaselError } from '../errors/easel-error';
import type { Decrypted, SecretCipher, SecretStore } from './secret-cipher';

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
  storage(): Promise<KeyStorage>;
  status(account: KeyAccount): Promise<KeyStatus>;
  statusAll(): Promise<KeyStatus[]>;
  /** Encrypts and stores a key (already trimmed and checked by the contract). */
  set(account: KeyAccount, key: string): Promise<KeyStatus>;
  remove(account: KeyAccount): Promise<KeyStatus>;
  /** The key, decrypted; null when none is stored or it cannot be decrypted. */
  get(account: KeyAccount): Promise<string | null>;
  /** Every readable stored key: what error messages are scrubbed of before they leave main. */
  secrets(): Promise<string[]>;
}

type Read = { state: 'absent' } | { state: 'unreadable' } | { state: 'ok'; key: string };

const entryName = (account: KeyAccount): string => `key.${account}`;

export function createKeyVault(options: KeyVaultOptions): KeyVault {
  const { cipher, store } = options;
  const platform = options.platform ?? process.platform;

  // set and remove run one at a time, in the order they were asked for: each waits on the OS, and
  // a remove must not be overtaken by an earlier set still encrypting.
  let writes: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const run = writes.then(work);
    writes = run.catch(() => undefined);
    return run;
  };

  const storage = async (): Promise<KeyStorage> => {
    // Availability first: asking it starts the OS encryptor, after which the backend is known.
    const encryptionAvailable = (await safely(() => cipher.isEncryptionAvailable(), false)) === true;
    const backend = await safely(async () => cipher.backend(), 'unknown');
    const weak = platform === 'linux' && backend === 'basic_text';
    const consented = options.basicTextConsented();
    const canStore = encryptionAvailable && (!weak || consented);
    let warning: string | null = null;
    if (!encryptionAvailable) warning = 'The operating system offers no encryption for keys right now, so Easel will not store one.';
    else if (weak) warning = BASIC_TEXT_WARNING;
    return { backend, encryptionAvailable, weak, consented, canStore, warning };
  };

  /**
   * The OS rotated its key since this entry was written: store it again under the current one,
   * under the same rule as set (never onto basic_text without consent), and only if the entry
   * still holds what was read (a key set or removed meanwhile wins). A failure changes nothing:
   * the old ciphertext still reads, and the next read tries again.
   */
  const reEncrypt = async (name: string, stored: string, key: string): Promise<void> => {
    try {
      const where = await storage();
      if (!where.canStore) return;
      const fresh = await cipher.encrypt(key);
      if (!Buffer.isBuffer(fresh) || fresh.length === 0) return;
      if (where.weak && !options.basicTextConsented()) return;
      if (store.get(name) === stored) store.set(name, fresh.toString('base64'));
    } catch {
      // Nothing to report: the key in hand is good, and the message would be about the keyring.
    }
  };

  const read = async (account: KeyAccount): Promise<Read> => {
    const name = entryName(account);
    const stored = store.get(name);
    if (stored === undefined || stored === '') return { state: 'absent' };
    let decrypted: Decrypted;
    try {
      decrypted = await cipher.decrypt(Buffer.from(stored, 'base64'));
    } catch {
      // The cipher's message is not passed on: it is about the keyring, and only the code matters.
      return { state: 'unreadable' };
    }
    const key = typeof decrypted?.plain === 'string' ? decrypted.plain : '';
    if (!key) return { state: 'unreadable' };
    if (decrypted.shouldReEncrypt === true) await reEncrypt(name, stored, key);
    return { state: 'ok', key };
  };

  const status = async (account: KeyAccount): Promise<KeyStatus> => {
    const found = await read(account);
    return {
      account,
      providers: [...ACCOUNT_PROVIDERS[account]],
      present: found.state !== 'absent',
      lastFour: found.state === 'ok' && found.key.length >= 4 ? found.key.slice(-4) : null,
      problem: found.state === 'unreadable' ? UNREADABLE : null,
    };
  };

  return {
    storage,
    status,
    statusAll: () => Promise.all(KEY_ACCOUNTS.map(status)),

    set: (account, key) =>
      serially(async () => {
        const where = await storage();
        if (!where.encryptionAvailable) throw new EaselError('INSECURE_KEY_STORAGE', where.warning ?? 'Keys cannot be stored on this computer right now.');
        if (where.weak && !where.consented) throw new EaselError('INSECURE_KEY_STORAGE', BASIC_TEXT_WARNING);
        let encrypted: Buffer;
        try {
          encrypted = await cipher.encrypt(key);
          if (!Buffer.isBuffer(encrypted) || encrypted.length === 0) throw new Error('empty ciphertext');
        } catch {
          throw new EaselError('INTERNAL', 'The operating system refused to encrypt the key. Nothing was stored.');
        }
        // Consent may have been withdrawn while the OS was encrypting.
        if (where.weak && !options.basicTextConsented()) throw new EaselError('INSECURE_KEY_STORAGE', BASIC_TEXT_WARNING);
        store.set(entryName(account), encrypted.toString('base64'));
        return status(account);
      }),

    remove: (account) =>
      serially(async () => {
        store.delete(entryName(account));
        return status(account);
      }),

    async get(account) {
      const found = await read(account);
      return found.state === 'ok' ? found.key : null;
    },

    async secrets() {
      const found = await Promise.all(KEY_ACCOUNTS.map(read));
      return found.flatMap((one) => (one.state === 'ok' ? [one.key] : []));
    },
  };
}

async function safely<T>(read: () => T | Promise<T>, fallback: T): Promise<T> {
  try {
    return await read();
  } catch {
    return fallback;
  }
}
