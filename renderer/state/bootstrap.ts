// Loads what every screen needs and wires main's events into the stores, once, at start.
import { easel } from '../easel-bridge';
import { loadCatalog } from './catalog-state';
import { loadJobs, upsertJob } from './jobs-state';
import { loadKeys } from './keys-state';
import { libraryVersion } from './library-state';
import { go } from './navigation-state';
import { applySettings, loadSettings } from './settings-state';

export function startApp(): () => void {
  const api = easel();
  void Promise.all([loadCatalog(), loadJobs(), loadSettings(), loadKeys()]);
  const stops = [
    api.on('jobs.changed', upsertJob),
    api.on('library.changed', () => libraryVersion.set((v) => v + 1)),
    api.on('settings.changed', (view) => {
      applySettings(view);
      // Base URLs and key storage decide what providers can do.
      void loadCatalog();
    }),
    api.on('notification.clicked', ({ jobId, imageId }) => (imageId ? go('library', { imageId }) : go('activity', { jobId }))),
    api.on('menu.command', ({ command }) => {
      if (command === 'new-generation') go('create');
      else if (command === 'open-settings') go('settings');
      else if (command === 'show-activity') go('activity');
      else if (command === 'show-library') go('library');
      else go('library', { focusSearch: Date.now() });
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
