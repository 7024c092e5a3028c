// The picker's list: providers in catalog order, each with its models, narrowed by what the
// person types (every word must appear in the vendor, model name, id or description).
import type { ModelInfo } from '../../../shared/catalog';
import type { ProviderView } from '../../../shared/contract';

export interface ModelGroup {
  provider: ProviderView;
  models: ModelInfo[];
}

export const optionKey = (providerId: string, modelId: string): string => `${providerId}/${modelId}`;

export function groupModels(providers: readonly ProviderView[], query: string): ModelGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return providers
    .map((provider) => ({
      provider,
      models: provider.models.filter((model) => {
        const haystack = `${provider.label} ${provider.id} ${model.label} ${model.id} ${model.description}`.toLowerCase();
        return words.every((word) => haystack.includes(word));
      }),
    }))
    .filter((group) => group.models.length > 0);
}

/** Whether the person can run this provider's models now. */
export function providerReady(provider: ProviderView): boolean {
  return provider.keyAccount === null || provider.keyPresent;
}
