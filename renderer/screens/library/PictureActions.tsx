// What can be done with the open picture, in two places of the detail view:
// - CreateActions, at the top of the side panel: take it to Create (Remix, the primary action;
//   use its prompt; use it as a reference). Text buttons in one row that gives way to a planned
//   second row when the panel is narrow, never a ragged wrap.
// - PictureTools, in the dialog's header: keep it (favourite), take it elsewhere (show in
//   folder, copy, drag out) or move it to the trash after a confirmation. Icon buttons, each
//   with an accessible name and a tooltip that also shows on keyboard focus.
// Results are said in one live region (useActionStatus), failures in plain words.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProviderView } from '../../../shared/contract';
import type { LibraryItemView, PictureDetailView } from '../../../shared/contract-library';
import { easel, errorOf } from '../../easel-bridge';
import { Button } from '../../ui/Button';
import { Icon, type IconName } from '../../ui/Icon';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { addAsReference, fillPrompt, remix } from './picture-handover';
import { startOsDrag } from './picture-drag';

export type ActionStatus = { tone: 'ok' | 'error'; text: string } | null;
export type Say = (status: ActionStatus) => void;

/** How long a confirmation stays; a failure stays until the next action or picture. */
const OK_STATUS_MS = 4000;

export function useActionStatus(imageId: string): { status: ActionStatus; say: Say } {
  const [status, setStatus] = useState<ActionStatus>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const say = useCallback<Say>((next) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = next?.tone === 'ok' ? setTimeout(() => setStatus(null), OK_STATUS_MS) : null;
    setStatus(next);
  }, []);
  useEffect(() => say(null), [imageId, say]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  return { status, say };
}

interface CreateActionsProps {
  item: LibraryItemView;
  /** The whole record, once loaded; Remix fetches it when it is not there yet. */
  detail: PictureDetailView | undefined;
  providers: readonly ProviderView[] | null;
  say: Say;
}

export function CreateActions({ item, detail, providers, say }: CreateActionsProps) {
  const onRemix = async () => {
    say(null);
    try {
      const record = detail ?? (await easel().library.get({ imageId: item.imageId }));
      if (record) remix(record, providers);
      else say({ tone: 'error', text: 'This picture is no longer in the library.' });
    } catch (error) {
      say({ tone: 'error', text: errorOf(error).message });
    }
  };
  return (
    <div className="picture-handover">
      <div className="picture-handover-row" role="group" aria-label="Take to Create">
        <Button small variant="primary" icon="dice" className="picture-remix" onClick={() => void onRemix()} title="Same model, settings, parameters and references, a new seed: opens Create">
          Remix
        </Button>
        <Button small onClick={() => fillPrompt(item)} title="Put this prompt in Create">
          Use prompt
        </Button>
        <Button small onClick={() => addAsReference(item)} title="Add this picture to Create’s reference images">
          Use as reference
        </Button>
      </div>
    </div>
  );
}

function Tool({ icon, label, tip, onClick, className, align }: { icon: IconName; label: string; tip: string; onClick: () => void; className?: string; align?: 'end' }) {
  return (
    <button type="button" className={`btn btn-ghost btn-small btn-icon ${className ?? ''}`} aria-label={label} data-tip={tip} data-tip-align={align} onClick={onClick}>
      <Icon name={icon} size={16} />
    </button>
  );
}

interface ToolsProps {
  item: LibraryItemView;
  onToggleFavorite: () => Promise<string | null>;
  onTrashed: () => void;
  say: Say;
}

export function PictureTools({ item, onToggleFavorite, onTrashed, say }: ToolsProps) {
  const [confirming, setConfirming] = useState(false);
  const [trashing, setTrashing] = useState(false);

  const attempt = async (call: () => Promise<unknown>, done: string) => {
    say(null);
    try {
      await call();
      say({ tone: 'ok', text: done });
    } catch (error) {
      say({ tone: 'error', text: errorOf(error).message });
    }
  };

  const trash = async () => {
    setTrashing(true);
    try {
      const result = await easel().library.trash({ imageIds: [item.imageId] });
      const failure = result.failed[0];
      if (failure) say({ tone: 'error', text: failure.message });
      else onTrashed();
    } catch (error) {
      say({ tone: 'error', text: errorOf(error).message });
    } finally {
      setTrashing(false);
      setConfirming(false);
    }
  };

  return (
    <div className="picture-tools" role="group" aria-label="Picture tools">
      <button
        type="button"
        className={`btn btn-ghost btn-small btn-icon picture-fav${item.favorite ? ' is-on' : ''}`}
        aria-label="Favourite"
        aria-pressed={item.favorite}
        data-tip={item.favorite ? 'Remove from favourites (F)' : 'Add to favourites (F)'}
        onClick={() => {
          say(null);
          void onToggleFavorite().then((error) => error && say({ tone: 'error', text: error }));
        }}
      >
        <Icon name="star" size={16} filled={item.favorite} />
      </button>
      <Tool icon="folder" label="Show in folder" tip="Show in folder" onClick={() => void attempt(() => easel().library.reveal({ imageId: item.imageId }), 'Shown in its folder.')} />
      <Tool icon="copy" label="Copy picture" tip="Copy picture" onClick={() => void attempt(() => easel().library.copyImage({ imageId: item.imageId }), 'Copied to the clipboard.')} />
      <button
        type="button"
        className="btn btn-ghost btn-small btn-icon picture-drag-out"
        draggable
        aria-label="Drag out to another app"
        data-tip="Drag into another app or a folder"
        onClick={() => say({ tone: 'ok', text: 'Drag this handle, or the picture itself, into another app or a folder to give it the file.' })}
        onDragStart={(event) => startOsDrag(event, item.imageId, (text) => say({ tone: 'error', text }))}
      >
        <Icon name="upload" size={16} />
      </button>
      <Tool icon="trash" label="Delete" tip="Move to trash…" className="picture-delete" onClick={() => setConfirming(true)} />
      {confirming ? (
        <ConfirmDialog title="Move this picture to the trash?" confirmLabel="Move to trash" busyLabel="Moving…" busy={trashing} onConfirm={() => void trash()} onCancel={() => setConfirming(false)}>
          The picture and its record go to your system’s trash, where you can restore them. It leaves the library now.
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
