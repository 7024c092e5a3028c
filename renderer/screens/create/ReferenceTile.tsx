// One reference in the tray: its picture, what it is, why it is refused (if it is), and the
// controls to move it (drag, or the arrow buttons for keyboards) and remove it.
import { useRef, useState, type DragEvent } from 'react';
import { moveReference, removeReference, type DraftReference } from '../../state/draft-state';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { formatBytes, mimeLabel } from './image-sniff';

/** The drag type of a tile being reordered inside the tray. */
export const TRAY_ITEM_TYPE = 'application/x-easel-reference';

function metaOf(reference: DraftReference): string {
  if (reference.kind === 'url') return 'Image address';
  if (reference.fromLibrary) return 'From your library';
  const parts = [reference.mime ? mimeLabel(reference.mime) : null, reference.bytes != null ? formatBytes(reference.bytes) : null].filter(Boolean);
  return parts.join(' · ') || 'File';
}

/**
 * Keeps keyboard focus where the person is working after the tray changes under it: on the
 * moved tile's arrow (or its other arrow at an end), or on a neighbour after a removal.
 */
function refocus(tray: Element | null | undefined, ...labels: string[]): void {
  requestAnimationFrame(() => {
    for (const label of labels) {
      const button = tray?.querySelector<HTMLButtonElement>(`button[aria-label="${CSS.escape(label)}"]:not(:disabled)`);
      if (button) {
        button.focus();
        return;
      }
    }
    tray?.querySelector<HTMLElement>('button:not(:disabled), input')?.focus();
  });
}

export function ReferenceTile({ reference, index, total, problem }: { reference: DraftReference; index: number; total: number; problem: string | null }) {
  const [dropTarget, setDropTarget] = useState(false);
  const item = useRef<HTMLLIElement>(null);
  const problemId = `${reference.id}-problem`;
  const name = reference.label;

  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(TRAY_ITEM_TYPE, reference.id);
    event.dataTransfer.effectAllowed = 'move';
  };
  const accepts = (event: DragEvent) => event.dataTransfer.types.includes(TRAY_ITEM_TYPE);
  const onDragOver = (event: DragEvent) => {
    if (!accepts(event)) return;
    event.preventDefault();
    event.stopPropagation();
    event.dataTransfer.dropEffect = 'move';
    setDropTarget(true);
  };
  const onDrop = (event: DragEvent) => {
    if (!accepts(event)) return;
    event.preventDefault();
    event.stopPropagation();
    setDropTarget(false);
    const id = event.dataTransfer.getData(TRAY_ITEM_TYPE);
    if (id && id !== reference.id) moveReference(id, index);
  };

  return (
    <li
      ref={item}
      className={`create-ref${problem ? ' is-refused' : ''}${dropTarget ? ' is-drop-target' : ''}`}
      draggable
      aria-label={`Reference ${index + 1} of ${total}: ${name}`}
      aria-describedby={problem ? problemId : undefined}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragLeave={() => setDropTarget(false)}
      onDragEnd={() => setDropTarget(false)}
      onDrop={onDrop}
    >
      <div className="create-ref-thumb">
        {reference.preview ? (
          <img src={reference.preview} alt="" draggable={false} />
        ) : (
          <Icon name={problem && reference.refusal ? 'alert' : reference.kind === 'url' ? 'link' : 'image'} size={26} />
        )}
        <span className="create-ref-index" aria-hidden="true">
          {index + 1}
        </span>
      </div>
      <div className="create-ref-body">
        <span className="create-ref-label" title={reference.kind === 'url' ? reference.value : name}>
          {name}
        </span>
        <span className="create-ref-meta">{metaOf(reference)}</span>
        {problem ? (
          <span className="create-ref-problem" id={problemId} role="alert">
            {problem}
          </span>
        ) : null}
      </div>
      <div className="create-ref-actions">
        {/* A lone reference has no order to change. */}
        {total > 1 ? (
          <>
            <Button small variant="ghost" icon="arrowLeft" aria-label={`Move ${name} earlier`} disabled={index === 0} onClick={() => {
                moveReference(reference.id, index - 1);
                refocus(item.current?.closest('section'), `Move ${name} earlier`, `Move ${name} later`);
              }}
            />
            <Button small variant="ghost" icon="arrowRight" aria-label={`Move ${name} later`} disabled={index === total - 1} onClick={() => {
                moveReference(reference.id, index + 1);
                refocus(item.current?.closest('section'), `Move ${name} later`, `Move ${name} earlier`);
              }}
            />
          </>
        ) : null}
        <span className="create-ref-spacer" />
        <Button small variant="ghost" icon="close" aria-label={`Remove ${name}`} onClick={() => {
            const tray = item.current?.closest('section');
            const neighbour = item.current?.nextElementSibling ?? item.current?.previousElementSibling;
            const next = neighbour?.querySelector('button[aria-label^="Remove "]')?.getAttribute('aria-label');
            removeReference(reference.id);
            refocus(tray, ...(next ? [next] : []));
          }}
        />
      </div>
    </li>
  );
}
