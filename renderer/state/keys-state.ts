// Which key accounts have a key (present + last four characters; never the key itself).
import type { KeysStatus } from '../../shared/contract-keys';
import { easel, errorOf } from '../easel-bridge';
import { createStore } from './external-store';
import { loading, type Remote } from './remote-state';

export const keysStore = createStore<Remote<KeysStatus>>(loading());

export async function loadKeys(): Promise<void> {
  try {
    keysStore.set({ status: 'ready', data: await easel().keys.status() });
  } catch (error) {
    keysStore.set((current) => ({ status: 'error', data: current.data, message: errorOf(error).message }));
  }
}
