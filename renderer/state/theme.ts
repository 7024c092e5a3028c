// Light and dark follow the OS unless the person chose one in Settings.
import type { SettingsView } from '../../shared/contract-settings';

export function applyTheme(theme: SettingsView['settings']['theme'] | undefined): void {
  const root = document.documentElement;
  if (!theme || theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}
