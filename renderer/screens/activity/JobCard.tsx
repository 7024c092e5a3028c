// One job in Activity: what was asked (prompt, provider and model), where it stands (state,
// progress, elapsed time), what came of it (pictures, problems) and what can be done next.
import { Fragment, type Ref } from 'react';
import type { JobView } from '../../../shared/contract-jobs';
import { catalogStore } from '../../state/catalog-state';
import { useStore } from '../../state/external-store';
import { Icon } from '../../ui/Icon';
import { findModel, modelLabel, providerLabel } from './catalog-lookup';
import { costLabel } from './cost-label';
import { useNow } from './clock';
import { ExpiryWarning, UnsavedDeadline } from './ExpiryWarning';
import { JobActions } from './JobActions';
import { JobProblem } from './JobProblem';
import { JobProgress } from './JobProgress';
import { JobThumbnails } from './JobThumbnails';
import { PausedNotice } from './PausedNotice';
import { awaitsSave, isPaused, isUnfinished, reachedVendor, stateLook } from './job-state-labels';
import { formatDuration, formatStarted, msBetween } from './time-format';

interface JobCardProps {
  job: JobView;
  highlighted: boolean;
  ref?: Ref<HTMLLIElement>;
}

export function JobCard({ job, highlighted, ref }: JobCardProps) {
  const catalog = useStore(catalogStore).data;
  const live = isUnfinished(job);
  const now = useNow(live);
  const look = stateLook(job);
  const { provider, model, prompt } = job.request;
  const vendor = providerLabel(catalog, provider);
  const finishedAt = job.finishedAt ? Date.parse(job.finishedAt) : now;
  const elapsed = msBetween(job.createdAt, live ? now : finishedAt);
  const titleId = `job-${job.id}-title`;
  const expiring = awaitsSave(job);
  const duration = durationLabel(job, live, elapsed);
  const count = job.request.count ?? 1;
  // After the model and vendor, each fact behind its own separator; a fact not worth saying is left out.
  const facts = [
    {
      key: 'started',
      node: (
        <span>
          <span className="visually-hidden">Started </span>
          {formatStarted(job.createdAt, now)}
        </span>
      ),
    },
    duration ? { key: 'duration', node: <span className="job-elapsed">{duration}</span> } : null,
    count > 1 ? { key: 'count', node: <span>{count} pictures</span> } : null,
    job.costCredits !== undefined ? { key: 'cost', node: <span>{costLabel(job.costCredits)}</span> } : null,
  ].filter((fact) => fact !== null);

  return (
    <li
      ref={ref}
      id={`job-${job.id}`}
      className={`job-card card${highlighted ? ' job-card-highlight' : ''}`}
      aria-labelledby={titleId}
      tabIndex={-1}
      data-state={job.state}
    >
      <span className={`job-state-icon tone-${look.tone}`} aria-hidden="true">
        <Icon name={look.icon} size={18} />
      </span>
      <div className="job-main">
        <div className="job-head">
          <h2 className="job-prompt" id={titleId} title={prompt}>
            {prompt.trim() === '' ? <span className="job-prompt-empty">No prompt</span> : prompt}
          </h2>
          <JobActions job={job} vendor={vendor} />
        </div>
        <p className="job-meta">
          <span className={look.tone === 'neutral' ? 'badge' : `badge badge-${look.tone}`}>{look.label}</span>
          <span className="job-meta-model">{modelLabel(catalog, provider, model)}</span>
          <span className="job-meta-vendor">{vendor}</span>
          {facts.map((fact) => (
            <Fragment key={fact.key}>
              <span className="job-meta-sep" aria-hidden="true">
                ·
              </span>
              {fact.node}
            </Fragment>
          ))}
        </p>
        {live && !isPaused(job) && !expiring ? <JobProgress job={job} model={findModel(catalog, provider, model)} vendor={vendor} now={now} /> : null}
        {job.error && job.state !== 'canceled' ? <JobProblem tone="error" problem={job.error} provider={provider} /> : null}
        {job.state === 'canceled' ? <p className="job-note">{canceledNote(job, vendor)}</p> : null}
        {expiring ? (
          <ExpiryWarning job={job} vendor={vendor} now={now} />
        ) : isPaused(job) ? (
          <PausedNotice job={job} vendor={vendor} />
        ) : job.warning ? (
          <JobProblem tone="warning" problem={job.warning} provider={provider} />
        ) : null}
        <UnsavedDeadline job={job} vendor={vendor} now={now} />
        <JobThumbnails job={job} live={live} />
      </div>
    </li>
  );
}

/** "12 s elapsed", "took 8 s", "after 3 s"; a job that ended at once needs no "after 0 s". */
function durationLabel(job: JobView, live: boolean, elapsed: number): string | null {
  if (live) return `${formatDuration(elapsed)} elapsed`;
  if (job.state === 'completed') return elapsed < 1000 ? 'took under 1 s' : `took ${formatDuration(elapsed)}`;
  return elapsed < 1000 ? null : `after ${formatDuration(elapsed)}`;
}

/**
 * The badge already says "Canceled"; the note says what it means. None of the vendors has a cancel
 * call, so a job they already had may still be finished, and charged, on their side.
 */
function canceledNote(job: JobView, vendor: string): string {
  const atVendor = reachedVendor(job) && job.results.length === 0;
  return atVendor
    ? `Nothing more will be sent or saved. ${vendor} offers no way to cancel, so it may still finish the job and charge for it.`
    : 'Nothing more will be sent or saved for this job.';
}
