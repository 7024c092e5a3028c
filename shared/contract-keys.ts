// API keys as the renderer may know them: which accounts exist, whether a key is set and its last
// four characters. A key goes in (keys.set) and never comes out: no schema here has room for one.
import { z } from 'zod';
import type { ProviderId } from './domain';

/** One key per vendor account; the three revid APIs share the revid account. */
export const KEY_ACCOUNTS = ['revid', 'kvid', 'unified'] as const;
export const KeyAccountSchema = z.enum(KEY_ACCOUNTS);
export type KeyAccount = z.infer<typeof KeyAccountSchema>;

export const ACCOUNT_PROVIDERS: Readonly<Record<KeyAccount, readonly ProviderId[]>> = {
  revid: ['revid', 'revid-gpt4o', 'revid-nano-banana'],
  kvid: ['kvid'],
  unified: ['unified'],
};

/** The account whose key a provider uses; null for providers without a key (sandbox). */
export function accountForProvider(provider: ProviderId): KeyAccount | null {
  for (const account of KEY_ACCOUNTS) if (ACCOUNT_PROVIDERS[account].includes(provider)) return account;
  return null;
}

/**
 * What a pasted key may look like: vendor keys are printable ASCII without spaces. Anything else
 * is almost always a paste accident (a trailing newline is trimmed first; a quote or a space is not).
 */
export const ApiKeyInputSchema = z
  .string()
  .transform((value) => value.trim())
  .pipe(
    z
      .string()
      .min(8, 'That key is too short to be a vendor key.')
      .max(512, 'That key is too long to be a vendor key.')
      .regex(/^[\x21-\x7e]+$/, 'A key has no spaces, quotes or line breaks; paste it again.'),
  );

export const KeyStatusSchema = z.strictObject({
  account: KeyAccountSchema,
  providers: z.array(z.string()),
  present: z.boolean(),
  /** Last four characters of the stored key, so a person can tell two keys apart; null when absent or unreadable. */
  lastFour: z.string().length(4).nullable(),
  /** Why a stored key cannot be used (the keyring changed since it was saved); null when it can. */
  problem: z.string().nullable(),
});
export type KeyStatus = z.infer<typeof KeyStatusSchema>;

/** How keys are protected on this machine, so Settings can warn before a key is stored. */
export const KeyStorageSchema = z.strictObject({
  /** safeStorage's backend: keychain, dpapi, gnome_libsecret, kwallet*, basic_text, unknown. */
  backend: z.string(),
  encryptionAvailable: z.boolean(),
  /** True when the backend is Linux's basic_text (a hard-coded password). */
  weak: z.boolean(),
  /** The person accepted basic_text in Settings. */
  consented: z.boolean(),
  /** Keys can be stored now. */
  canStore: z.boolean(),
  /** What the person should know before storing a key here; null when nothing. */
  warning: z.string().nullable(),
});
export type KeyStorage = z.infer<typeof KeyStorageSchema>;

export const KeysStatusSchema = z.strictObject({
  accounts: z.array(KeyStatusSchema),
  storage: KeyStorageSchema,
});
export type KeysStatus = z.infer<typeof KeysStatusSchema>;

export const KeyTestOutcomeSchema = z.enum([
  /** The vendor accepted the key. */
  'valid',
  /** The vendor refused the key (401/403). */
  'invalid',
  /** The vendor answered something that says neither. */
  'unknown',
  /** No vendor call can check a key without spending credits (or the vendor could not be reached). */
  'untestable',
  /** No key is stored for the account. */
  'missing',
]);
export const KeyTestResultSchema = z.strictObject({
  account: KeyAccountSchema,
  outcome: KeyTestOutcomeSchema,
  /** The provider whose API answered (or would have). */
  provider: z.string().nullable(),
  message: z.string(),
});
export type KeyTestResult = z.infer<typeof KeyTestResultSchema>;
