import { useEffect } from 'react';
import { easelApi } from '../easel-bridge';
import { startApp } from '../state/bootstrap';
import { useStore } from '../state/external-store';
import { navigationStore } from '../state/navigation-state';
import { settingsStore } from '../state/settings-state';
import { applyTheme } from '../state/theme';
import { EmptyState } from '../ui/EmptyState';
import { ActivityScreen } from '../screens/activity/ActivityScreen';
import { CreateScreen } from '../screens/create/CreateScreen';
import { LibraryScreen } from '../screens/library/LibraryScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { Welcome } from '../screens/welcome/Welcome';
import { useGlobalShortcuts } from './global-shortcuts';
import { Sidebar } from './Sidebar';

export function App() {
  if (!easelApi()) {
    return (
      <main className="no-bridge">
        <EmptyState icon="alert" title="Open Easel in its app">
          This page is Easel’s window. It needs the desktop app around it to reach your library and the vendors. Start it with{' '}
          <code>npm start</code>, or use the command line: <code>npm run --silent cli -- --help</code>.
        </EmptyState>
      </main>
    );
  }
  return <Studio />;
}

function Studio() {
  const { section } = useStore(navigationStore);
  const settings = useStore(settingsStore);
  useEffect(() => startApp(), []);
  useEffect(() => applyTheme(settings.data?.settings.theme), [settings.data?.settings.theme]);
  useGlobalShortcuts();
  return (
    <div className="app">
      <Sidebar />
      <main className="app-main" aria-label={section}>
        {section === 'create' ? <CreateScreen /> : null}
        {section === 'activity' ? <ActivityScreen /> : null}
        {section === 'library' ? <LibraryScreen /> : null}
        {section === 'settings' ? <SettingsScreen /> : null}
      </main>
      <Welcome />
    </div>
  );
}
