import type { SettingsView } from '../../../shared/contract-settings';
import { FeedbackNotice } from './FeedbackNotice';
import { SaveStatus } from './SaveStatus';
import { SettingsSection } from './SettingsSection';
import { saveSettingsOptimistically } from './settings-actions';
import { Switch } from './Switch';
import { useSaveFeedback } from './use-save-feedback';

type Notifications = SettingsView['settings']['notifications'];

export function NotificationsSection({ view }: { view: SettingsView }) {
  const feedback = useSaveFeedback();
  const { enabled, onlyWhenUnfocused } = view.settings.notifications;

  const change = (patch: Partial<Notifications>) =>
    void feedback.run(() =>
      saveSettingsOptimistically({ notifications: patch }, (current) => ({
        ...current,
        settings: { ...current.settings, notifications: { ...current.settings.notifications, ...patch } },
      })),
    );

  return (
    <SettingsSection title="Notifications" description="A system notification when a job finishes or fails." status={<SaveStatus state={feedback.state} />}>
      <div className="switch-list">
        <Switch label="Notify me when pictures are ready" checked={enabled} onChange={(on) => change({ enabled: on })} />
        <Switch
          label="Only when Easel is in the background"
          hint="While you are looking at Easel, Activity already shows it."
          checked={onlyWhenUnfocused}
          disabled={!enabled}
          dependent
          onChange={(on) => change({ onlyWhenUnfocused: on })}
        />
      </div>
      <FeedbackNotice state={feedback.state} />
    </SettingsSection>
  );
}
