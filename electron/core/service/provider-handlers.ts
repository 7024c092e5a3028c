// providers.*: the catalog the Create form is generated from, with what the form needs to say
// next to each provider: which key account it uses, whether that key is set, where its address
// comes from.
import { accountForProvider } from '../../../shared/contract-keys';
import { resolveBaseUrl } from '../settings/base-url-source';
import type { HandlersFor, ServiceContext } from './service-context';

export function providerHandlers(context: ServiceContext): HandlersFor<'providers'> {
  return {
    async 'providers.catalog'() {
      const settings = context.settings.get();
      const adapters = new Map(context.core.providers.all().map((adapter) => [adapter.id, adapter]));
      // One decryption per account, not per provider (the revid APIs share one key).
      const keys = new Map((await context.keys.statusAll()).map((status) => [status.account, status]));
      return context.core.catalog().map((info) => {
        const adapter = adapters.get(info.id);
        const account = accountForProvider(info.id);
        const key = account === null ? null : (keys.get(account) ?? null);
        const base = adapter ? resolveBaseUrl(adapter, settings, context.env) : { url: info.baseUrl, source: 'none' as const };
        return {
          ...info,
          baseUrl: base.url,
          keyAccount: account,
          keyPresent: key !== null && key.present && key.problem === null,
          baseUrlSource: base.source,
        };
      });
    },
  };
}
