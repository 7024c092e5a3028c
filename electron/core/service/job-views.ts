// JobRecord → JobView: what Activity shows. The contract's output schema strips whatever the
// view does not declare (idempotency keys, vendor result URLs); this adds what the window needs
// and the record does not hold: picture ids and addresses, and the dismissed and active flags.
import type { JobView } from '../../../shared/contract-jobs';
import type { JobRecord } from '../../../shared/domain';
import { imageIdFor } from '../library/library-layout';
import { mediaUrlsFor } from './media-url';

export interface JobViewContext {
  libraryRoot: string;
  /** Prefix of picture addresses (easel-media:// in the app). */
  mediaBase: string;
  dismissed: boolean;
  active: boolean;
}

export function toJobView(job: JobRecord, context: JobViewContext): JobView {
  const { schemaVersion: _version, tasks, results, ...rest } = job;
  return {
    ...rest,
    tasks: tasks.map(({ idempotencyKey: _key, ...task }) => task),
    results: results.map(({ url: _url, saved, ...result }) => ({
      ...result,
      ...(saved ? { saved: { ...saved, imageId: imageIdFor(job.id, result.index), ...mediaUrlsFor(context.libraryRoot, saved.path, context.mediaBase) } } : {}),
    })),
    dismissed: context.dismissed,
    active: context.active,
  };
}
