// The calls Settings makes, each followed by the store update the window needs: keys and the
// catalog have no change event (a key never travels back), so after a key changes the window
// refreshes both itself; settings answer with the new view, which is applied at once rather
// than waiting for settings.changed.
import type { KeyAccount, KeyStatus, KeyTestResult } from '../../../shared/contract-keys';
import type { SettingsPatch, SettingsView } from '../../../shared/contract-settings';
import { easel } from '../../easel-bridge';
import { loadCatalog } from '../../state/catalog-state';
import { keysStore, loadKeys } from '../../state/keys-state';
import { applySettings, settingsStore } from '../../state/settings-state';

export async function saveSettings(patch: SettingsPatch): Promise<SettingsView> {
  const view = await easel().settings.set(patch);
  applySettings(view);
  return view;
}

/**
 * For switches and the theme: the store shows the change at once, and goes back to what main
 * says if main refuses it.
 */
export async function saveSettingsOptimistically(patch: SettingsPatch, preview: (view: SettingsView) => SettingsView): Promise<SettingsView> {
  const before = settingsStore.get();
  if (before.data) applySettings(preview(before.data));
  try {
    return await saveSettings(patch);
  } catch (error) {
    settingsStore.set(before);
    throw error;
  }
}

export async function chooseLibraryDir(): Promise<SettingsView> {
  const view = await easel().settings.chooseLibraryDir();
  applySettings(view);
  return view;
}

function replaceKeyStatus(status: KeyStatus): void {
  keysStore.set((current) => {
    if (!current.data) return current;
    return { status: 'ready', data: { ...current.data, accounts: current.data.accounts.map((a) => (a.account === status.account ? status : a)) } };
  });
  // Create shows which providers have a key.
  void loadCatalog();
}

export async function setKey(account: KeyAccount, key: string): Promise<KeyStatus> {
  const status = await easel().keys.set({ account, key });
  replaceKeyStatus(status);
  return status;
}

export async function removeKey(account: KeyAccount): Promise<KeyStatus> {
  const status = await easel().keys.remove({ account });
  replaceKeyStatus(status);
  return status;
}

export function testKey(account: KeyAccount): Promise<KeyTestResult> {
  return easel().keys.test({ account });
}

/** Accepting (or withdrawing) Linux's basic_text storage changes what keys.status reports. */
export async function allowBasicText(allow: boolean): Promise<void> {
  await saveSettings({ keyStorage: { allowBasicText: allow } });
  await loadKeys();
}
