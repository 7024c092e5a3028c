// The whole generation record of a picture, as a definition list: what was asked, with what,
// when, and where the result is. Long values (hash, path) wrap and can be selected and copied.
// The record comes from the sidecar beside the picture (library.get), so it is complete for a
// picture of any age; while it loads, the grid's entry shows what it has.
import type { ReactNode } from 'react';
import type { ProviderView } from '../../../shared/contract';
import type { LibraryItemView, PictureDetailView, PictureReferenceView } from '../../../shared/contract-library';
import { Icon } from '../../ui/Icon';
import { findModel, modelLabel, providerLabel } from '../activity/catalog-lookup';
import { describeParam, describeSeed, describeTimings, formatBytes, formatDate, shortUrl } from './picture-format';

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

interface RecordProps {
  item: LibraryItemView;
  /** The whole record; undefined while it loads. */
  detail: PictureDetailView | undefined;
  providers: readonly ProviderView[] | null;
  /** Opens another picture of the library (a reference that is one). */
  onShow: (imageId: string) => void;
}

export function PictureRecord({ item, detail, providers, onShow }: RecordProps) {
  const model = findModel(providers, item.provider, item.model);
  const format = item.mime.replace(/^image\//, '').toUpperCase();
  const size = [`${item.width} × ${item.height}`, item.aspectRatio, detail?.resolution].filter(Boolean).join(' · ');
  const seed = describeSeed(item.seed, model);
  const params = Object.entries(detail?.params ?? {});
  const timing = detail?.timings ? describeTimings(detail.timings) : null;
  return (
    <div className="picture-record">
      <section aria-labelledby="picture-prompt-title">
        <h3 id="picture-prompt-title" className="picture-record-heading">
          Prompt
        </h3>
        <p className="picture-prompt">{item.prompt || <span className="picture-muted">No prompt</span>}</p>
        {item.negativePrompt ? (
          <>
            <h3 className="picture-record-heading">Negative prompt</h3>
            <p className="picture-prompt picture-prompt-negative">{item.negativePrompt}</p>
          </>
        ) : null}
      </section>
      <dl className="picture-facts" aria-label="Generation record">
        <Row term="Model">
          <span>{modelLabel(providers, item.provider, item.model)}</span> <span className="picture-muted">· {providerLabel(providers, item.provider)}</span>
        </Row>
        <Row term="Size">{size}</Row>
        <Row term="Seed">{seed.value !== null ? <code>{seed.value}</code> : <span className="picture-muted">{seed.note}</span>}</Row>
        {params.length > 0 ? (
          <Row term="Parameters">
            <ul className="picture-params">
              {params.map(([key, value]) => {
                const param = describeParam(model, key, value);
                return (
                  <li key={key}>
                    <span className="picture-muted">{param.label}</span> <span>{param.value}</span>
                  </li>
                );
              })}
            </ul>
          </Row>
        ) : null}
        {detail && detail.references.length > 0 ? (
          <Row term="References">
            <ul className="picture-refs">
              {detail.references.map((reference, i) => (
                <ReferenceEntry key={i} reference={reference} onShow={onShow} />
              ))}
            </ul>
          </Row>
        ) : null}
        {detail && detail.count > 1 ? (
          <Row term="Batch">
            Picture {item.index + 1} of {detail.count}
          </Row>
        ) : null}
        <Row term="Created">{formatDate(item.createdAt)}</Row>
        {timing?.span ? (
          <Row term="Generated">
            <span className="picture-timing">{timing.span}</span>
            {timing.took ? <span className="picture-muted picture-took">{timing.took} at the vendor</span> : null}
          </Row>
        ) : null}
        <Row term="Cost">{item.costCredits === undefined ? <span className="picture-muted">Not reported</span> : item.costCredits === 0 ? 'Free' : `${Number(item.costCredits.toFixed(3))} credits`}</Row>
        <Row term="File">
          {format} · {formatBytes(item.bytes)}
          <code className="picture-path">{item.path}</code>
        </Row>
        <Row term="SHA-256">
          <code className="picture-hash">{item.sha256}</code>
        </Row>
      </dl>
      {detail?.recordProblem ? <p className="picture-note">{detail.recordProblem} Parameters, references and timings are unknown.</p> : null}
    </div>
  );
}

function ReferenceEntry({ reference, onShow }: { reference: PictureReferenceView; onShow: (imageId: string) => void }) {
  if (reference.kind === 'url') {
    return (
      <li className="picture-ref">
        <span className="picture-ref-thumb" aria-hidden="true">
          <Icon name="link" size={16} />
        </span>
        <span className="picture-ref-text">
          <span className="picture-ref-name" title={reference.url}>
            {shortUrl(reference.url)}
          </span>
          <span className="picture-muted">Image address</span>
        </span>
      </li>
    );
  }
  const library = reference.onDisk ? reference.library : undefined;
  const name = library?.prompt.trim() || reference.name;
  return (
    <li className={`picture-ref${reference.onDisk ? '' : ' is-missing'}`}>
      {library ? (
        <button type="button" className="picture-ref-thumb picture-ref-open" onClick={() => onShow(library.imageId)} aria-label={`Open the reference picture: ${name}`} data-tip="Open this picture" data-tip-align="start">
          <img src={library.thumbUrl} alt="" loading="lazy" decoding="async" />
        </button>
      ) : (
        <span className="picture-ref-thumb" aria-hidden="true">
          <Icon name={reference.onDisk ? 'image' : 'alert'} size={16} />
        </span>
      )}
      <span className="picture-ref-text">
        <span className="picture-ref-name" title={reference.path}>
          {name}
        </span>
        <span className="picture-muted">{reference.onDisk ? (library ? 'From your library' : [reference.mime?.replace(/^image\//, '').toUpperCase(), reference.bytes !== undefined ? formatBytes(reference.bytes) : null].filter(Boolean).join(' · ') || 'File') : 'No longer on this computer'}</span>
      </span>
    </li>
  );
}
