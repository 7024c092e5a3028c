// Every provider Easel knows, by id, in the order people see them (DESIGN.md's provider
// table). Adding a vendor is adding its adapter here.
import type { ProviderId } from '../../../shared/domain';
import type { ProviderInfo } from '../../../shared/catalog';
import { EaselError } from '../errors/easel-error';
import type { ProviderAdapter } from './provider-adapter';
import { revidAdapter } from './revid/revid-adapter';
import { sandboxAdapter } from './sandbox/sandbox-adapter';
import { unifiedAdapter } from './unified/unified-adapter';
import { revidNanoBananaAdapter } from './revid-nano-banana/revid-nano-banana-adapter';
import { revidGpt4oAdapter } from './revid-gpt4o/revid-gpt4o-adapter';
import { kvidAdapter } from './kvid/kvid-adapter';

export interface ProviderRegistry {
  all(): readonly ProviderAdapter[];
  get(id: string): ProviderAdapter;
}

export function createProviderRegistry(adapters: readonly ProviderAdapter[] = [revidAdapter, revidGpt4oAdapter, revidNanoBananaAdapter, kvidAdapter, unifiedAdapter, sandboxAdapter]): ProviderRegistry {
  const byId = new Map<string, ProviderAdapter>(adapters.map((a) => [a.id, a]));
  return {
    all: () => adapters,
    get(id) {
      const adapter = byId.get(id);
      if (!adapter) throw new EaselError('UNKNOWN_PROVIDER', `Easel has no provider "${id}". Choose one of: ${adapters.map((a) => a.id).join(', ')}.`);
      return adapter;
    },
  };
}

export function providerInfo(adapter: ProviderAdapter, baseUrl: string | null): ProviderInfo {
  return { id: adapter.id as ProviderId, label: adapter.label, keyEnv: adapter.keyEnv, baseUrl, models: [...adapter.models] };
}
