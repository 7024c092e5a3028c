import { Icon } from '../../ui/Icon';
import { Spinner } from '../../ui/Spinner';
import type { SaveState } from './use-save-feedback';

/** "Saving…" then "Saved", announced politely; errors are shown where the change was made. */
export function SaveStatus({ state }: { state: SaveState }) {
  return (
    <span className="save-status" role="status" aria-live="polite">
      {state.kind === 'saving' ? (
        <>
          <Spinner label="Saving" /> Saving…
        </>
      ) : null}
      {state.kind === 'saved' ? (
        <span className="save-status-saved">
          <Icon name="check" size={15} /> Saved
        </span>
      ) : null}
    </span>
  );
}
