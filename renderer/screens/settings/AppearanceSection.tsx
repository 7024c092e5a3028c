// Theme: applied the moment it is picked (the store changes first; App applies data-theme from
// it), then saved.
import type { SettingsView } from '../../../shared/contract-settings';
import { FeedbackNotice } from './FeedbackNotice';
import { SaveStatus } from './SaveStatus';
import { SettingsSection } from './SettingsSection';
import { ThemeIcon } from './ThemeIcon';
import { saveSettingsOptimistically } from './settings-actions';
import { useSaveFeedback } from './use-save-feedback';

type Theme = SettingsView['settings']['theme'];

const THEMES: readonly { id: Theme; label: string; hint: string }[] = [
  { id: 'system', label: 'System', hint: 'Follows your operating system' },
  { id: 'light', label: 'Light', hint: 'Always light' },
  { id: 'dark', label: 'Dark', hint: 'Always dark' },
];

export function AppearanceSection({ view }: { view: SettingsView }) {
  const feedback = useSaveFeedback();
  const current = view.settings.theme;

  const pick = (theme: Theme) => {
    if (theme === current) return;
    void feedback.run(() => saveSettingsOptimistically({ theme }, (v) => ({ ...v, settings: { ...v.settings, theme } })));
  };

  return (
    <SettingsSection title="Appearance" status={<SaveStatus state={feedback.state} />}>
      <fieldset className="theme-picker">
        <legend className="visually-hidden">Theme</legend>
        {THEMES.map((theme) => (
          <label key={theme.id} className="theme-option" data-theme-option={theme.id}>
            <input type="radio" name="theme" value={theme.id} checked={current === theme.id} onChange={() => pick(theme.id)} />
            <span className="theme-option-icon">
              <ThemeIcon theme={theme.id} />
            </span>
            <span className="theme-option-text">
              <span className="theme-option-label">{theme.label}</span>
              <span className="theme-option-hint">{theme.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <FeedbackNotice state={feedback.state} />
    </SettingsSection>
  );
}
