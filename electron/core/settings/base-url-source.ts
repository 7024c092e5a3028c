// Where a provider's base URL comes from, in order: the person's setting, the environment
// (EASEL_<ID>_BASE_URL, for proxies and the emulators), the vendor's documented default. The
// desktop ProviderAccess and the catalog's "source" label both read it from here, so what the
// Settings page shows is what requests use.
import type { Settings } from '../../../shared/contract-settings';
import { baseUrlEnvName, envValue } from '../config/provider-env';
import type { ProviderAdapter } from '../providers/provider-adapter';

export type BaseUrlSource = 'settings' | 'env' | 'default' | 'builtin' | 'none';

export function resolveBaseUrl(
  adapter: Pick<ProviderAdapter, 'id' | 'defaultBaseUrl'>,
  settings: Pick<Settings, 'baseUrls'>,
  env: NodeJS.ProcessEnv,
): { url: string | null; source: BaseUrlSource } {
  // The sandbox runs in process; its address is not the person's to change.
  if (adapter.defaultBaseUrl?.startsWith('sandbox:')) return { url: adapter.defaultBaseUrl, source: 'builtin' };
  const configured = (settings.baseUrls as Partial<Record<string, string>>)[adapter.id];
  if (configured) return { url: configured, source: 'settings' };
  const fromEnv = envValue(env, baseUrlEnvName(adapter.id));
  if (fromEnv) return { url: fromEnv, source: 'env' };
  if (adapter.defaultBaseUrl) return { url: adapter.defaultBaseUrl, source: 'default' };
  return { url: null, source: 'none' };
}
