// Providers, their models and what each accepts (the catalog), with whether each has a key.
// Reloaded when settings or keys change, since both alter what a provider can do.
import type { ProviderView } from '../../shared/contract';
import { easel, errorOf } from '../easel-bridge';
import { createStore } from './external-store';
import { loading, type Remote } from './remote-state';

export const catalogStore = createStore<Remote<readonly ProviderView[]>>(loading());

export async function loadCatalog(): Promise<void> {
  try {
    const providers = await easel().providers.catalog();
    catalogStore.set({ status: 'ready', data: providers });
  } catch (error) {
    catalogStore.set((current) => ({ status: 'error', data: current.data, message: errorOf(error).message }));
  }
}
