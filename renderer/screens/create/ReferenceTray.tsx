// Reference images: dropped from the file manager or the library, pasted, browsed or given by
// address; shown in the order the vendor will receive them, each checked against the model.
import { useRef } from 'react';
import type { ModelInfo } from '../../../shared/catalog';
import type { DraftReference } from '../../state/draft-state';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { Spinner } from '../../ui/Spinner';
import { describeLimits, type ReferenceCheck } from './reference-checks';
import { ReferenceTile } from './ReferenceTile';
import { ReferenceUrlForm } from './ReferenceUrlForm';

export interface ReferenceTrayProps {
  model: ModelInfo;
  references: readonly DraftReference[];
  check: ReferenceCheck;
  /** Pasted pictures still being stored. */
  pending: number;
  dragging: boolean;
  onFiles: (files: File[]) => void;
}

const paste = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘V' : 'Ctrl+V';

export function ReferenceTray({ model, references, check, pending, dragging, onFiles }: ReferenceTrayProps) {
  const picker = useRef<HTMLInputElement>(null);
  const takes = (model.references?.max ?? 0) > 0;
  const acceptsUrl = model.references?.accepts.includes('url') ?? false;
  const acceptsFiles = model.references?.accepts.includes('file') ?? false;
  const invitation = !takes
    ? { title: 'This model works from the prompt alone', hint: 'Choose a model that edits pictures to use references.' }
    : acceptsFiles
      ? { title: 'Drop pictures here', hint: `from your files or the Library, or paste one (${paste}).` }
      : { title: 'Drop pictures from the Library here', hint: 'This model fetches references itself: use your library pictures or an image address.' };

  return (
    <section className={`create-refs${dragging ? ' is-dragging' : ''}`} aria-labelledby="create-refs-heading" data-testid="reference-drop-zone">
      <div className="create-field-head">
        <h2 id="create-refs-heading" className="field-label">
          Reference images
        </h2>
        <span className="create-muted create-refs-limits">{describeLimits(model)}</span>
      </div>
      {references.length ? (
        <ul className="create-ref-list" aria-label="Reference images, in the order they are sent">
          {references.map((reference, index) => (
            <ReferenceTile key={reference.id} reference={reference} index={index} total={references.length} problem={check.problems.get(reference.id) ?? null} />
          ))}
        </ul>
      ) : null}
      {check.missing ? <p className="create-field-error">{check.missing}</p> : null}
      <div className={`create-drop${references.length ? ' is-compact' : ''}`}>
        <Icon name="upload" size={references.length ? 18 : 24} />
        <div className="create-drop-text">
          <strong>{dragging ? 'Drop to add as a reference' : invitation.title}</strong>
          <span className="create-muted">{invitation.hint}</span>
        </div>
        {acceptsFiles ? (
          <Button small icon="folder" onClick={() => picker.current?.click()}>
            Choose files…
          </Button>
        ) : null}
        <input
          ref={picker}
          type="file"
          multiple
          accept="image/png,image/jpeg,image/webp,image/gif"
          hidden
          onChange={(e) => {
            onFiles(Array.from(e.target.files ?? []));
            e.target.value = '';
          }}
        />
      </div>
      {pending > 0 ? (
        <p className="create-muted create-refs-pending" role="status">
          <Spinner label="Adding pasted picture" /> Adding the pasted picture…
        </p>
      ) : null}
      {acceptsUrl ? <ReferenceUrlForm /> : null}
    </section>
  );
}
