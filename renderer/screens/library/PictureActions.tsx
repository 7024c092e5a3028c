// What can be done with the open picture: keep it (favourite), take it to Create (remix, use
// prompt, use as reference), take it elsewhere (show in folder, copy, drag out), or move it to
// the trash after a confirmation. Results are said in a live region, failures in plain words.
import { useState } from 'react';
import type { ProviderView } from '../../../shared/contract';
import type { JobView } from '../../../shared/contract-jobs';
import type { LibraryItemView } from '../../../shared/contract-library';
import { easel, errorOf } from '../../easel-bridge';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { ConfirmDialog } from './ConfirmDialog';
import { addAsReference, fillPrompt, remix } from './picture-handover';
import { startOsDrag } from './picture-drag';

interface ActionsProps {
  item: LibraryItemView;
  job: JobView | null | undefined;
  providers: readonly ProviderView[] | null;
  onToggleFavorite: () => Promise<string | null>;
  onTrashed: () => void;
}

export function PictureActions({ item, job, providers, onToggleFavorite, onTrashed }: ActionsProps) {
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [trashing, setTrashing] = useState(false);

  const attempt = async (call: () => Promise<unknown>, done: string) => {
    setStatus(null);
    try {
      await call();
      setStatus({ tone: 'ok', text: done });
    } catch (error) {
      setStatus({ tone: 'error', text: errorOf(error).message });
    }
  };

  const trash = async () => {
    setTrashing(true);
    try {
      const result = await easel().library.trash({ imageIds: [item.imageId] });
      const failure = result.failed[0];
      if (failure) {
        setStatus({ tone: 'error', text: failure.message });
      } else {
        onTrashed();
      }
    } catch (error) {
      setStatus({ tone: 'error', text: errorOf(error).message });
    } finally {
      setTrashing(false);
      setConfirming(false);
    }
  };

  return (
    <div className="picture-actions">
      <div className="picture-actions-main">
        <Button small variant="primary" icon="dice" onClick={() => remix(item, job ?? null, providers)} title="Same settings, new seed: opens Create">
          Remix
        </Button>
        <Button small icon="arrowRight" onClick={() => fillPrompt(item)} title="Put this prompt in Create">
          Use prompt
        </Button>
        <Button small icon="image" onClick={() => addAsReference(item)} title="Add this picture to Create’s reference images">
          Use as reference
        </Button>
      </div>
      <div className="picture-actions-tools" role="toolbar" aria-label="Picture tools">
        <button
          type="button"
          className={`btn btn-secondary btn-small picture-fav${item.favorite ? ' is-on' : ''}`}
          aria-pressed={item.favorite}
          onClick={() => {
            setStatus(null);
            void onToggleFavorite().then((error) => error && setStatus({ tone: 'error', text: error }));
          }}
        >
          <Icon name="star" size={15} filled={item.favorite} />
          {item.favorite ? 'Favourite' : 'Add to favourites'}
        </button>
        <Button small variant="ghost" icon="folder" aria-label="Show in folder" title="Show in folder" onClick={() => void attempt(() => easel().library.reveal({ imageId: item.imageId }), 'Shown in its folder.')} />
        <Button small variant="ghost" icon="copy" aria-label="Copy picture" title="Copy picture" onClick={() => void attempt(() => easel().library.copyImage({ imageId: item.imageId }), 'Copied to the clipboard.')} />
        <button
          type="button"
          className="btn btn-ghost btn-small btn-icon picture-drag-out"
          draggable
          aria-label="Drag out to another app"
          title="Drag this into another app or a folder"
          onClick={() => setStatus({ tone: 'ok', text: 'Drag this handle into another app or a folder to give it the file.' })}
          onDragStart={(event) => startOsDrag(event, item.imageId, (text) => setStatus({ tone: 'error', text }))}
        >
          <Icon name="upload" size={15} />
        </button>
        <span className="spacer" />
        <Button small variant="danger" icon="trash" onClick={() => setConfirming(true)}>
          Delete
        </Button>
      </div>
      <p className={`picture-status${status?.tone === 'error' ? ' is-error' : ''}`} role="status" aria-live="polite">
        {status?.text ?? ''}
      </p>
      {confirming ? (
        <ConfirmDialog title="Move this picture to the trash?" confirmLabel="Move to trash" busy={trashing} onConfirm={() => void trash()} onCancel={() => setConfirming(false)}>
          The picture and its record go to your system’s trash, where you can restore them. It leaves the library now.
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
