// The whole generation record of a picture, as a definition list: what was asked, with what,
// and where the result is. Long values (hash, path) wrap and can be selected and copied.
import type { ReactNode } from 'react';
import type { ProviderView } from '../../../shared/contract';
import type { JobView } from '../../../shared/contract-jobs';
import type { LibraryItemView } from '../../../shared/contract-library';
import { modelLabel, providerLabel } from '../activity/catalog-lookup';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function formatDate(iso: string | undefined): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function PictureRecord({ item, job, providers }: { item: LibraryItemView; job: JobView | null | undefined; providers: readonly ProviderView[] | null }) {
  const request = job?.request;
  const params = Object.entries(request?.params ?? {});
  const references = request?.references ?? [];
  const format = item.mime.replace(/^image\//, '').toUpperCase();
  const size = [`${item.width} × ${item.height}`, item.aspectRatio, request?.resolution].filter(Boolean).join(' · ');
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
      <dl className="picture-facts">
        <Row term="Model">
          <span>{modelLabel(providers, item.provider, item.model)}</span> <span className="picture-muted">· {providerLabel(providers, item.provider)}</span>
        </Row>
        <Row term="Size">{size}</Row>
        <Row term="Seed">{item.seed !== undefined ? <code>{item.seed}</code> : <span className="picture-muted">None (random at the vendor)</span>}</Row>
        {params.length > 0 ? (
          <Row term="Parameters">
            <ul className="picture-params">
              {params.map(([key, value]) => (
                <li key={key}>
                  <span className="picture-muted">{key}</span> <span>{String(value)}</span>
                </li>
              ))}
            </ul>
          </Row>
        ) : null}
        {references.length > 0 ? (
          <Row term="References">
            <ul className="picture-refs">
              {references.map((ref, i) => (
                <li key={i}>
                  <code>{ref.kind === 'file' ? ref.path : ref.url}</code>
                </li>
              ))}
            </ul>
          </Row>
        ) : null}
        {request && request.count && request.count > 1 ? (
          <Row term="Batch">
            Picture {item.index + 1} of {request.count}
          </Row>
        ) : null}
        <Row term="Created">{formatDate(item.createdAt)}</Row>
        {job?.finishedAt ? <Row term="Finished">{formatDate(job.finishedAt)}</Row> : null}
        <Row term="Cost">{item.costCredits !== undefined ? `${Number(item.costCredits.toFixed(3))} credits` : <span className="picture-muted">Not reported</span>}</Row>
        <Row term="File">
          {format} · {formatBytes(item.bytes)}
          <code className="picture-path">{item.path}</code>
        </Row>
        <Row term="SHA-256">
          <code className="picture-hash">{item.sha256}</code>
        </Row>
      </dl>
      {job === null ? <p className="picture-note">The job that made this picture is no longer in Activity; its full record, parameters included, is in the JSON file beside the picture.</p> : null}
    </div>
  );
}
