// Everything the detail view shows about one picture: its library entry (fresh from
// library.get, reloaded when the library changes) and, while its job is still in Activity's
// records, the request that made it (parameters, references, resolution, count), which the
// library entry does not carry.
import { useEffect, useState } from 'react';
import type { JobView } from '../../../shared/contract-jobs';
import type { LibraryItemView } from '../../../shared/contract-library';
import { easel, errorOf } from '../../easel-bridge';
import { useStore } from '../../state/external-store';
import { libraryVersion } from '../../state/library-state';

export interface Picture {
  /** undefined while loading, null once the library says it is gone. */
  item: LibraryItemView | null | undefined;
  /** The job that made it: undefined while loading, null when that record is gone. */
  job: JobView | null | undefined;
  error: string | null;
}

export function usePicture(imageId: string | null, known: LibraryItemView | undefined): Picture {
  const version = useStore(libraryVersion);
  const [loaded, setLoaded] = useState<{ id: string; item: LibraryItemView | null } | null>(null);
  const [job, setJob] = useState<{ id: string; view: JobView | null } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (imageId === null) return;
    let live = true;
    setError(null);
    easel()
      .library.get({ imageId })
      .then((item) => live && setLoaded({ id: imageId, item }))
      .catch((caught: unknown) => live && setError(errorOf(caught).message));
    return () => {
      live = false;
    };
  }, [imageId, version]);

  const item = loaded?.id === imageId ? loaded.item : known?.imageId === imageId ? known : undefined;
  const jobId = item?.jobId ?? null;

  useEffect(() => {
    if (jobId === null) return;
    let live = true;
    easel()
      .jobs.get({ jobId })
      .then((view) => live && setJob({ id: jobId, view }))
      // The request is a bonus; the picture's own record is shown either way.
      .catch(() => live && setJob({ id: jobId, view: null }));
    return () => {
      live = false;
    };
  }, [jobId]);

  return { item, job: job?.id === jobId ? job.view : undefined, error };
}
