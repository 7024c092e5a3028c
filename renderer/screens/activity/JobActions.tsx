// What a person can do with a job, by state: cancel while it runs, try again once it stopped,
// dismiss once it is over. A retry that starts a new job replaces the old card, so the list
// shows each request once.
import { useState } from 'react';
import type { JobView } from '../../../shared/contract-jobs';
import { easel } from '../../easel-bridge';
import { upsertJob } from '../../state/jobs-state';
import { go } from '../../state/navigation-state';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { awaitsSave, canRetry, isPaused, isUnfinished, unsavedCount } from './job-state-labels';
import { useJobAction } from './use-job-action';

export function JobActions({ job, vendor }: { job: JobView; vendor: string }) {
  const { busy, error, run } = useJobAction(job.id);
  const unfinished = isUnfinished(job);
  // The vendor has made (and charged for) the picture: stopping now gives it up, so ask first.
  const unsaved = awaitsSave(job);
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const many = unsavedCount(job) > 1;
  const them = many ? 'them' : 'it';

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
      {unfinished && unsaved ? (
        <Button small icon="trash" onClick={() => setConfirmingDiscard(true)} disabled={busy !== null}>
          Discard…
        </Button>
      ) : unfinished ? (
        <Button small icon="stop" onClick={() => void run('cancel')} disabled={busy !== null}>
          {busy === 'cancel' ? 'Canceling…' : 'Cancel'}
        </Button>
      ) : null}
      {confirmingDiscard ? (
        <ConfirmDialog
          title={many ? 'Discard these pictures?' : 'Discard this picture?'}
          confirmLabel="Discard"
          busyLabel="Discarding…"
          cancelLabel="Keep trying"
          busy={busy === 'cancel'}
          onConfirm={() => void run('cancel').then(() => setConfirmingDiscard(false))}
          onCancel={() => setConfirmingDiscard(false)}
        >
          {`${vendor} has already made ${them} and charged for ${them}. Easel will stop trying to save ${them}; nothing will be kept.`}
        </ConfirmDialog>
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
