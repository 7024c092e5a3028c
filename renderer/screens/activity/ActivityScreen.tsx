// Activity: every job, newest first, kept current by jobs.changed events (nothing here polls).
// A notification click lands here with navigation.jobId: that job is scrolled to and marked.
import { useEffect, useRef, useState } from 'react';
import { easel, errorOf } from '../../easel-bridge';
import { useStore } from '../../state/external-store';
import { jobsStore, loadJobs, sortedJobs, upsertJob } from '../../state/jobs-state';
import { go, navigationStore } from '../../state/navigation-state';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Notice } from '../../ui/Notice';
import { Spinner } from '../../ui/Spinner';
import { JobCard } from './JobCard';
import { awaitsSave, isPaused, isUnfinished } from './job-state-labels';
import './activity.css';

export function ActivityScreen() {
  const jobs = useStore(jobsStore);
  const { jobId } = useStore(navigationStore);
  const list = sortedJobs(jobs.data);
  const highlightRef = useRef<HTMLLIElement | null>(null);
  const hasHighlight = jobId !== null && list.some((j) => j.id === jobId);

  useEffect(() => {
    if (!hasHighlight) return;
    const card = highlightRef.current;
    if (!card) return;
    // At once rather than smoothly: a smooth scroll is cut short if the list moves under it, and the
    // card's arrival animation already draws the eye.
    card.scrollIntoView({ block: 'center' });
    card.focus({ preventScroll: true });
  }, [jobId, hasHighlight]);

  const unfinished = list.filter(isUnfinished);
  const unsaved = unfinished.filter(awaitsSave).length;
  const paused = unfinished.filter((job) => isPaused(job) && !awaitsSave(job)).length;
  const running = unfinished.length - paused - unsaved;
  const finished = list.length - unfinished.length;
  const summary = [
    running > 0 ? `${running} running` : 'Nothing running',
    paused > 0 ? `${paused} paused` : null,
    unsaved > 0 ? `${unsaved} not saved yet` : null,
    finished > 0 ? `${finished} finished` : null,
  ];

  const [dismissProblem, setDismissProblem] = useState<string | null>(null);
  const dismissFinished = async () => {
    setDismissProblem(null);
    const outcomes = await Promise.allSettled(
      list
        .filter((j) => !isUnfinished(j))
        .map((j) =>
          easel()
            .jobs.dismiss({ jobId: j.id })
            .then(upsertJob),
        ),
    );
    const failed = outcomes.filter((outcome) => outcome.status === 'rejected');
    if (failed.length > 0) {
      setDismissProblem(`${failed.length} finished ${failed.length === 1 ? 'job' : 'jobs'} could not be dismissed: ${errorOf(failed[0]!.reason).message}`);
    }
    // The button is gone with the jobs it dismissed: the keyboard continues from the list.
    focusFirstCardOrHeading();
  };

  return (
    <section className="screen activity-screen" aria-labelledby="activity-title">
      <header className="screen-header">
        <h1 id="activity-title" tabIndex={-1}>
          Activity
        </h1>
        {list.length > 0 ? (
          <p className="activity-summary" aria-live="polite">
            {summary.filter((part) => part !== null).join(' · ')}
          </p>
        ) : null}
        <span className="spacer" />
        {finished > 0 ? (
          <Button small variant="ghost" icon="close" onClick={() => void dismissFinished()}>
            Dismiss finished
          </Button>
        ) : null}
        {/* An empty Activity offers the same below, where the eye already is. */}
        {list.length > 0 ? (
          <Button small variant="primary" icon="create" onClick={() => go('create')}>
            New picture
          </Button>
        ) : null}
      </header>

      {dismissProblem ? (
        <Notice tone="error" action={<Button small variant="ghost" icon="close" aria-label="Dismiss this message" onClick={() => setDismissProblem(null)} />}>
          {dismissProblem}
        </Notice>
      ) : null}

      {jobs.status === 'error' ? (
        <Notice
          tone="error"
          title="Activity could not be loaded"
          action={
            <Button small icon="refresh" onClick={() => void loadJobs()}>
              Try again
            </Button>
          }
        >
          {jobs.message}
        </Notice>
      ) : null}

      {jobs.status === 'loading' && list.length === 0 ? (
        <div className="activity-loading">
          <Spinner label="Loading activity" />
          <span>Loading activity…</span>
        </div>
      ) : null}

      {jobs.status === 'ready' && list.length === 0 ? (
        <EmptyState
          icon="activity"
          title="Nothing here yet"
          action={
            <Button variant="primary" icon="create" onClick={() => go('create')}>
              Create a picture
            </Button>
          }
        >
          Every picture you ask for shows up here while it is made: its progress, its result, and what to do if something goes wrong. Several can run at
          once.
        </EmptyState>
      ) : null}

      {list.length > 0 ? (
        <ul className="job-list" aria-label="Jobs">
          {list.map((job) => (
            <JobCard key={job.id} job={job} highlighted={job.id === jobId} ref={job.id === jobId ? highlightRef : undefined} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/**
 * Where focus goes when the control that had it disappears with the jobs it acted on: the first
 * card left, else the heading. After the next frame, when the dismissed cards are gone.
 */
function focusFirstCardOrHeading(): void {
  requestAnimationFrame(() => (document.querySelector<HTMLElement>('.job-list > li') ?? document.getElementById('activity-title'))?.focus());
}
