// The desktop app's answer to "which key and which address for this provider": keys from the
// vault (never the environment, so Settings → API keys is the whole truth), base URLs from settings,
// then the environment, then the vendor default. createCore({ access }) takes this.
import { accountForProvider } from '../../../shared/contract-keys';
import type { ProviderAccess } from '../config/provider-access';
import type { ProviderAdapter } from '../providers/provider-adapter';
import type { SettingsStore } from '../settings/settings-store';
import { resolveBaseUrl } from '../settings/base-url-source';
import type { KeyVault } from './key-vault';

export interface DesktopAccessOptions {
  vault: KeyVault;
  settings: Pick<SettingsStore, 'get'>;
  env?: NodeJS.ProcessEnv;
}

export function desktopProviderAccess(options: DesktopAccessOptions): ProviderAccess {
  const env = options.env ?? process.env;
  return {
    async apiKey(adapter: ProviderAdapter) {
      const account = accountForProvider(adapter.id);
      return account === null ? null : await options.vault.get(account);
    },
    baseUrl(adapter: ProviderAdapter) {
      return resolveBaseUrl(adapter, options.settings.get(), env).url;
    },
    async keyHint(adapter: ProviderAdapter) {
      const account = accountForProvider(adapter.id);
      if (account === null) return '';
      const key = await options.vault.status(account);
      if (key.problem) return key.problem;
      return `Add the ${account} key in Settings → API keys.`;
    },
  };
}
