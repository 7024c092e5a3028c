// Where a provider's key and base URL come from. The CLI reads the environment; the desktop
// app injects its keychain vault and settings. The core only sees this interface, so it never
// stores or logs a key itself. A refusal says what is missing in words that hold in any host;
// where to set it is the host's advice (its hints below), shown with the refusal and never
// stored: a job that fails this way mid-run keeps the plain fact, and whichever host shows it
// later adds its own advice.
import { EaselError } from '../errors/easel-error';
import type { ProviderAdapter } from '../providers/provider-adapter';
import { baseUrlEnvName, envValue } from './provider-env';

export interface ProviderAccess {
  apiKey(adapter: ProviderAdapter): Promise<string | null>;
  baseUrl(adapter: ProviderAdapter): string | null;
  /**
   * Where the person sets a missing key, in this host's words ("Set EASEL_KVID_API_KEY in the
   * environment."). The desktop's answer may wait on the vault (an unreadable key says so).
   */
  keyHint(adapter: ProviderAdapter): string | Promise<string>;
  /** Where the person sets a missing or unusable base URL, in this host's words; none where the host has a button for it. */
  baseUrlHint?(adapter: ProviderAdapter): string;
}

/** The environment's access: its hints are plain strings, at hand for printing at once (the CLI's advice). */
export interface EnvProviderAccess extends ProviderAccess {
  keyHint(adapter: ProviderAdapter): string;
  baseUrlHint(adapter: ProviderAdapter): string;
}

export function envProviderAccess(env: NodeJS.ProcessEnv = process.env): EnvProviderAccess {
  return {
    async apiKey(adapter) {
      return adapter.keyEnv ? envValue(env, adapter.keyEnv) : null;
    },
    baseUrl(adapter) {
      return envValue(env, baseUrlEnvName(adapter.id)) ?? adapter.defaultBaseUrl;
    },
    keyHint(adapter) {
      return adapter.keyEnv ? `Set ${adapter.keyEnv} in the environment.` : '';
    },
    baseUrlHint(adapter) {
      return `Set ${baseUrlEnvName(adapter.id)} to a full https:// address.`;
    },
  };
}

/** Key and base URL for a request, or a clear error before anything is sent. */
export async function requireAccess(access: ProviderAccess, adapter: ProviderAdapter): Promise<{ apiKey: string; baseUrl: string }> {
  // The sandbox lives in process; its address is not the person's to change.
  if (adapter.defaultBaseUrl?.startsWith('sandbox:')) return { apiKey: '', baseUrl: adapter.defaultBaseUrl };
  const baseUrl = access.baseUrl(adapter);
  const baseUrlAdvice = { advice: access.baseUrlHint?.(adapter) ?? '' };
  if (!baseUrl) {
    throw new EaselError('MISSING_BASE_URL', `${adapter.label} has no default address, so it needs a base URL first.`, baseUrlAdvice);
  }
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new EaselError('MISSING_BASE_URL', `The ${adapter.label} base URL "${baseUrl}" is not a valid URL.`, baseUrlAdvice);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new EaselError('MISSING_BASE_URL', `The ${adapter.label} base URL must start with https:// (got ${parsed.protocol}).`, baseUrlAdvice);
  }
  if (adapter.keyEnv === null) return { apiKey: '', baseUrl: baseUrl.replace(/\/+$/, '') };
  const apiKey = await access.apiKey(adapter);
  if (!apiKey) throw new EaselError('MISSING_KEY', `No ${adapter.label} API key is set.`, { advice: await access.keyHint(adapter) });
  return { apiKey, baseUrl: baseUrl.replace(/\/+$/, '') };
}
