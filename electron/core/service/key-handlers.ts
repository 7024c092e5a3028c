// keys.*: write-only key management. What goes back is presence, the last four characters and
// how the OS protects keys here; the key itself never leaves the vault except in a request to
// its vendor.
import { ACCOUNT_PROVIDERS, type KeyAccount } from '../../../shared/contract-keys';
import type { ProviderAdapter } from '../providers/provider-adapter';
import { resolveBaseUrl } from '../settings/base-url-source';
import { testKey } from './key-check';
import type { HandlersFor, ServiceContext } from './service-context';

export function keyHandlers(context: ServiceContext): HandlersFor<'keys'> {
  const { keys } = context;

  const adaptersOf = (account: KeyAccount): ProviderAdapter[] => {
    const ids: readonly string[] = ACCOUNT_PROVIDERS[account];
    return context.core.providers.all().filter((adapter) => ids.includes(adapter.id));
  };

  return {
    async 'keys.status'() {
      const [accounts, storage] = await Promise.all([keys.statusAll(), keys.storage()]);
      return { accounts, storage };
    },

    async 'keys.set'({ account, key }) {
      return keys.set(account, key);
    },

    async 'keys.remove'({ account }) {
      return keys.remove(account);
    },

    async 'keys.test'({ account }) {
      const key = await keys.get(account);
      if (!key) {
        const problem = (await keys.status(account)).problem;
        return { account, outcome: 'missing', provider: null, message: problem ?? `No ${account} key is stored yet.` };
      }
      return testKey({
        account,
        key,
        adapters: adaptersOf(account),
        baseUrl: (adapter) => resolveBaseUrl(adapter, context.settings.get(), context.env).url,
        http: context.http(),
      });
    },
  };
}
