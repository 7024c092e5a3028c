// The detail view: one picture large, its whole record, and what can be done with it. A modal
// dialog (Escape closes, focus returns to the grid); ← and → step through the pictures in the
// grid's order, F toggles the favourite. Opened by the grid, by Activity's thumbnails, and by a
// notification click (navigation.imageId), so it loads the picture itself when the grid has
// not reached it.
//
// Layout: the header holds the title, the picture's tools (icons) and the way through the grid;
// the side panel starts with the actions that take the picture to Create. Below 820 px of
// window the picture sits above its record instead of beside it. The picture itself can be
// dragged out to another app, like the header's drag handle.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { ProviderView } from '../../../shared/contract';
import type { LibraryItemView } from '../../../shared/contract-library';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Notice } from '../../ui/Notice';
import { Spinner } from '../../ui/Spinner';
import { CreateActions, PictureTools, useActionStatus } from './PictureActions';
import { startOsDrag } from './picture-drag';
import { PictureRecord } from './PictureRecord';
import { usePicture } from './use-picture';

interface DetailProps {
  imageId: string;
  /** The picture as the grid has it, shown at once while library.get answers. */
  known: LibraryItemView | undefined;
  /** Its place in the grid (-1 when the grid has not loaded it), and the grid's size. */
  index: number;
  total: number;
  previous: LibraryItemView | undefined;
  next: LibraryItemView | undefined;
  providers: readonly ProviderView[] | null;
  onShow: (imageId: string) => void;
  onClose: () => void;
  onToggleFavorite: (item: LibraryItemView) => Promise<string | null>;
}

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

export function PictureDetail({ imageId, known, index, total, previous, next, providers, onShow, onClose, onToggleFavorite }: DetailProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const { item, detail, error } = usePicture(imageId, known);
  const { status, say } = useActionStatus(imageId);

  useEffect(() => {
    const element = dialog.current;
    // Removing an open dialog from the page does not hand focus back; closing it here does.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (element && !element.open) element.showModal();
    // Focus starts on Close, not on the first tool (a stray Enter would favourite the picture).
    element?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      element?.close();
      if (opener?.isConnected) opener.focus({ preventScroll: true });
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || TYPING.has((event.target as HTMLElement).tagName)) return;
    // Keys meant for the confirmation dialog stay there.
    if ((event.target as HTMLElement).closest('.confirm-dialog')) return;
    if (event.key === 'ArrowLeft' && previous) {
      event.preventDefault();
      onShow(previous.imageId);
    } else if (event.key === 'ArrowRight' && next) {
      event.preventDefault();
      onShow(next.imageId);
    } else if ((event.key === 'f' || event.key === 'F') && item && !event.shiftKey) {
      event.preventDefault();
      void onToggleFavorite(item);
    }
  };

  const afterTrash = () => {
    const neighbour = next ?? previous;
    if (neighbour) onShow(neighbour.imageId);
    else onClose();
  };

  const title = item?.prompt ? item.prompt : 'Picture';

  return (
    <dialog
      ref={dialog}
      className="picture-dialog"
      aria-labelledby="picture-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={onKeyDown}
    >
      <header className="picture-dialog-header">
        <h2 id="picture-dialog-title" className="picture-dialog-title" title={title}>
          {title}
        </h2>
        {item ? <PictureTools item={item} onToggleFavorite={() => onToggleFavorite(item)} onTrashed={afterTrash} say={say} /> : null}
        <div className="picture-dialog-nav" role="group" aria-label="Browse pictures">
          {index >= 0 ? (
            <span className="picture-dialog-count">
              {(index + 1).toLocaleString()} of {total.toLocaleString()}
            </span>
          ) : null}
          <Button small variant="ghost" icon="arrowLeft" aria-label="Previous picture" data-tip="Previous (←)" disabled={!previous} onClick={() => previous && onShow(previous.imageId)} />
          <Button small variant="ghost" icon="arrowRight" aria-label="Next picture" data-tip="Next (→)" disabled={!next} onClick={() => next && onShow(next.imageId)} />
        </div>
        <Button small variant="ghost" icon="close" data-autofocus className="picture-dialog-close" aria-label="Close" data-tip="Close (Esc)" data-tip-align="end" onClick={onClose} />
      </header>
      {error ? (
        <div className="picture-dialog-state">
          <Notice tone="error" title="This picture could not be loaded">
            {error}
          </Notice>
        </div>
      ) : item === undefined ? (
        <div className="picture-dialog-state">
          <Spinner label="Loading picture" />
        </div>
      ) : item === null ? (
        <div className="picture-dialog-state">
          <EmptyState icon="image" title="This picture is no longer in the library" action={<Button onClick={onClose}>Back to the library</Button>}>
            It was moved to the trash or its file was removed from the library folder.
          </EmptyState>
        </div>
      ) : (
        <div className="picture-dialog-body">
          <figure className="picture-stage" style={{ backgroundImage: `url("${item.thumbUrl.replace('/thumb/256/', '/thumb/512/')}")` }}>
            <img
              key={item.imageId}
              src={item.url}
              alt={item.prompt}
              width={item.width}
              height={item.height}
              decoding="async"
              draggable
              onDragStart={(event) => startOsDrag(event, item.imageId, (text) => say({ tone: 'error', text }))}
            />
            <p className={`picture-status${status ? ' is-shown' : ''}${status?.tone === 'error' ? ' is-error' : ''}`} role="status" aria-live="polite">
              {status?.text ?? ''}
            </p>
          </figure>
          <aside className="picture-side" aria-label="About this picture">
            <CreateActions item={item} detail={detail ?? undefined} providers={providers} say={say} />
            <PictureRecord item={item} detail={detail ?? undefined} providers={providers} onShow={onShow} />
          </aside>
        </div>
      )}
    </dialog>
  );
}
