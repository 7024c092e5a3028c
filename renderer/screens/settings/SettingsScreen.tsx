// Settings: keys, provider addresses, the library folder, notifications and theme. Every change
// saves at once (a small "Saved" says so); what main refuses is shown next to the change.
import { useStore } from '../../state/external-store';
import { loadSettings, settingsStore } from '../../state/settings-state';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { Spinner } from '../../ui/Spinner';
import { AppearanceSection } from './AppearanceSection';
import { BaseUrlsSection } from './BaseUrlsSection';
import { KeysSection } from './KeysSection';
import { LibraryFolderSection } from './LibraryFolderSection';
import { NotificationsSection } from './NotificationsSection';
import './settings.css';

export function SettingsScreen() {
  const settings = useStore(settingsStore);
  const view = settings.data;
  return (
    <section className="screen settings-screen" aria-labelledby="settings-title">
      <header className="screen-header">
        <h1 id="settings-title">Settings</h1>
      </header>
      {settings.status === 'error' ? (
        <Notice tone="error" title="Settings could not be read" action={<Button small onClick={() => void loadSettings()}>Try again</Button>}>
          {settings.message}
        </Notice>
      ) : null}
      <div className="settings-sections">
        <KeysSection />
        <BaseUrlsSection />
        {view ? (
          <>
            <LibraryFolderSection view={view} />
            <NotificationsSection view={view} />
            <AppearanceSection view={view} />
          </>
        ) : settings.status === 'loading' ? (
          <p className="settings-loading">
            <Spinner label="Loading settings" /> Loading settings…
          </p>
        ) : null}
      </div>
    </section>
  );
}
