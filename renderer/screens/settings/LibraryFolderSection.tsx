// The library folder. A page may not name a folder (it is also what easel-media: serves), so a
// new one is chosen in the OS folder picker that main opens; it applies at the next start.
import type { SettingsView } from '../../../shared/contract-settings';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { FeedbackNotice } from './FeedbackNotice';
import { SaveStatus } from './SaveStatus';
import { SettingsSection } from './SettingsSection';
import { chooseLibraryDir, saveSettings } from './settings-actions';
import { useSaveFeedback } from './use-save-feedback';

export function LibraryFolderSection({ view }: { view: SettingsView }) {
  const feedback = useSaveFeedback();
  const busy = feedback.state.kind === 'saving';
  const chosen = view.settings.libraryDir ?? view.defaultLibraryDir;
  return (
    <SettingsSection title="Library folder" description="Where pictures and their generation records are saved." status={<SaveStatus state={feedback.state} />}>
      <div className="folder-row">
        <div className="folder-path">
          <span className="field-label" id="library-folder-label">
            In use
          </span>
          <code aria-labelledby="library-folder-label">{view.libraryDirInUse}</code>
          {view.settings.libraryDir === null ? <span className="field-hint">The default folder.</span> : null}
        </div>
        <div className="inline-actions">
          <Button icon="folder" onClick={() => void feedback.run(chooseLibraryDir)} disabled={busy}>
            Choose…
          </Button>
          {view.settings.libraryDir !== null ? (
            <Button variant="ghost" onClick={() => void feedback.run(() => saveSettings({ libraryDir: null }))} disabled={busy}>
              Use default
            </Button>
          ) : null}
        </div>
      </div>
      {view.restartRequired ? (
        <Notice tone="info" title="Takes effect when Easel restarts">
          From the next start, pictures are saved in <code>{chosen}</code>. Pictures already saved stay where they are.
        </Notice>
      ) : null}
      <FeedbackNotice state={feedback.state} />
    </SettingsSection>
  );
}
