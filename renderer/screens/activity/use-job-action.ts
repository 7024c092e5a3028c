// Cancel, retry and dismiss: one call each, the button busy while it runs, and the answer put
// straight into the jobs store (the jobs.changed event that follows says the same thing).
import { useCallback, useState } from 'react';
import type { JobView } from '../../../shared/contract-jobs';
import { easel, errorOf } from '../../easel-bridge';
import { upsertJob } from '../../state/jobs-state';

export type JobAction = 'cancel' | 'retry' | 'dismiss';

export function useJobAction(jobId: string): { busy: JobAction | null; error: string | null; run: (action: JobAction) => Promise<JobView | null> } {
  const [busy, setBusy] = useState<JobAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (action: JobAction) => {
      setBusy(action);
      setError(null);
      try {
        const api = easel().jobs;
        const view = await (action === 'cancel' ? api.cancel({ jobId }) : action === 'retry' ? api.retry({ jobId }) : api.dismiss({ jobId }));
        upsertJob(view);
        return view;
      } catch (caught) {
        setError(errorOf(caught).message);
        return null;
      } finally {
        setBusy(null);
      }
    },
    [jobId],
  );
  return { busy, error, run };
}
