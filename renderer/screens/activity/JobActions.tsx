// What a person can do with a job, by state: cancel while it runs, try again once it stopped,
// dismiss once it is over. A retry that starts a new job replaces the old card, so the list
// shows each request once.
import type { JobView } from '../../../shared/contract-jobs';
import { easel } from '../../easel-bridge';
import { upsertJob } from '../../state/jobs-state';
import { go } from '../../state/navigation-state';
import { Button } from '../../ui/Button';
import { awaitsSave, canRetry, isPaused, isUnfinished, unsavedCount } from './job-state-labels';
import { useJobAction } from './use-job-action';

export function JobActions({ job }: { job: JobView }) {
  const { busy, error, run } = useJobAction(job.id);
  const unfinished = isUnfinished(job);

  const retry = async () => {
    const next = await run('retry');
    if (next && next.id !== job.id) {
      // Hidden, not deleted: jobs.list({ includeDismissed }) still has it.
      void easel()
        .jobs.dismiss({ jobId: job.id })
        .then(upsertJob)
        .catch(() => {});
      go('activity', { jobId: next.id });
    }
  };

  // The card goes away with its Dismiss button: the keyboard carries on from the next card (or
  // the one before, or the heading), not from the top of the window.
  const dismiss = async (button: HTMLElement) => {
    const card = button.closest('li');
    const neighbour = (card?.nextElementSibling ?? card?.previousElementSibling) as HTMLElement | null;
    if (await run('dismiss')) (neighbour?.isConnected ? neighbour : document.getElementById('activity-title'))?.focus();
  };

  return (
    <div className="job-actions">
      {isPaused(job) || awaitsSave(job) ? (
        <Button small icon="refresh" onClick={() => void run('retry')} disabled={busy !== null}>
          Try now
        </Button>
      ) : null}
      {unfinished ? (
        <Button small icon="stop" onClick={() => void run('cancel')} disabled={busy !== null}>
          {busy === 'cancel' ? 'Canceling…' : 'Cancel'}
        </Button>
      ) : null}
      {canRetry(job) ? (
        <Button small icon="refresh" onClick={() => void retry()} disabled={busy !== null}>
          {busy === 'retry' ? 'Retrying…' : 'Retry'}
        </Button>
      ) : null}
      {job.state === 'completed' && unsavedCount(job) > 0 ? (
        <Button small icon="refresh" onClick={() => void run('retry')} disabled={busy !== null}>
          Save again
        </Button>
      ) : null}
      {!unfinished ? <Button small variant="ghost" icon="close" aria-label="Dismiss" title="Dismiss (hide from Activity)" onClick={(event) => void dismiss(event.currentTarget)} disabled={busy !== null} /> : null}
      {error ? (
        <p className="job-action-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
