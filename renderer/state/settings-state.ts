// Settings as main reports them; `settings.changed` keeps every open view in step.
import type { SettingsView } from '../../shared/contract-settings';
import { easel, errorOf } from '../easel-bridge';
import { createStore } from './external-store';
import { loading, type Remote } from './remote-state';

export const settingsStore = createStore<Remote<SettingsView>>(loading());

export async function loadSettings(): Promise<void> {
  try {
    settingsStore.set({ status: 'ready', data: await easel().settings.get() });
  } catch (error) {
    settingsStore.set((current) => ({ status: 'error', data: current.data, message: errorOf(error).message }));
  }
}

export function applySettings(view: SettingsView): void {
  settingsStore.set({ status: 'ready', data: view });
}
