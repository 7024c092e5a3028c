// What Settings says about each key account and about how this computer protects keys.
import type { KeyAccount } from '../../../shared/contract-keys';

export const ACCOUNT_INFO: Readonly<Record<KeyAccount, { name: string; description: string }>> = {
  revid: { name: 'revid', description: 'One key for all three revid APIs: v1 images, GPT-4o Image and Nano Banana.' },
  kvid: { name: 'kvid', description: 'For kvid’s image models.' },
  unified: { name: 'Unified', description: 'For the Unified v2 images API, which also needs its address under Providers.' },
};

const BACKENDS: Readonly<Record<string, string>> = {
  keychain: 'the macOS Keychain',
  dpapi: 'Windows (DPAPI)',
  gnome_libsecret: 'the GNOME Keyring (Secret Service)',
  kwallet: 'KWallet',
  kwallet5: 'KWallet 5',
  kwallet6: 'KWallet 6',
  basic_text: 'no keyring (basic_text)',
};

/** "the macOS Keychain", or a plain phrase for a backend Easel does not know by name. */
export function backendName(backend: string): string {
  return BACKENDS[backend] ?? 'your operating system’s secure storage';
}
