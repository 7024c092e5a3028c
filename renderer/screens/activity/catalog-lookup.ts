// Names a person recognises for a provider and model id, and the model's typical duration, from
// the catalog the window already holds. Ids stand in while the catalog loads (or for a model a
// newer Easel made), so nothing waits on it. Library uses these too.
import type { ProviderView } from '../../../shared/contract';
import type { ModelInfo } from '../../../shared/catalog';

export function findProvider(providers: readonly ProviderView[] | null, providerId: string): ProviderView | undefined {
  return providers?.find((p) => p.id === providerId);
}

export function findModel(providers: readonly ProviderView[] | null, providerId: string, modelId: string): ModelInfo | undefined {
  return findProvider(providers, providerId)?.models.find((m) => m.id === modelId);
}

export function providerLabel(providers: readonly ProviderView[] | null, providerId: string): string {
  return findProvider(providers, providerId)?.label ?? providerId;
}

export function modelLabel(providers: readonly ProviderView[] | null, providerId: string, modelId: string): string {
  return findModel(providers, providerId, modelId)?.label ?? modelId;
}
