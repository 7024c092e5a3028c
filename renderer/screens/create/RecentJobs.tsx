// The last few jobs sent from here, live from the jobs store (jobs.changed events): state,
// progress, and the pictures once they are saved. The full story is in Activity.
import type { JobView } from '../../../shared/contract-jobs';
import { useStore } from '../../state/external-store';
import { jobsStore } from '../../state/jobs-state';
import { go } from '../../state/navigation-state';
import { Icon } from '../../ui/Icon';
import { Spinner } from '../../ui/Spinner';
import { recentSubmissions } from './recent-submissions';

const STATE: Record<JobView['state'], { label: string; tone: string }> = {
  draft: { label: 'Waiting to send', tone: 'accent' },
  submitting: { label: 'Sending', tone: 'accent' },
  running: { label: 'Generating', tone: 'accent' },
  downloading: { label: 'Saving', tone: 'accent' },
  completed: { label: 'Done', tone: 'ok' },
  failed: { label: 'Failed', tone: 'danger' },
  expired: { label: 'Expired', tone: 'warn' },
  canceled: { label: 'Canceled', tone: 'neutral' },
};

export function RecentJobs() {
  const ids = useStore(recentSubmissions);
  const jobs = useStore(jobsStore).data;
  const shown = ids.flatMap((id) => {
    const job = jobs?.get(id);
    return job ? [job] : [];
  });
  if (!shown.length) return null;
  return (
    <section className="create-recent" aria-labelledby="create-recent-heading">
      <h2 id="create-recent-heading" className="field-label">
        Sent from here
      </h2>
      <ul>
        {shown.map((job) => (
          <RecentJob key={job.id} job={job} />
        ))}
      </ul>
    </section>
  );
}

function RecentJob({ job }: { job: JobView }) {
  const look = STATE[job.state];
  const saved = job.results.flatMap((r) => (r.saved ? [r.saved] : []));
  const working = job.state === 'draft' || job.state === 'submitting' || job.state === 'running' || job.state === 'downloading';
  const progress = job.progress !== undefined ? ` · ${Math.round(job.progress * 100)}%` : '';
  return (
    <li className="create-recent-job" data-job-id={job.id} data-state={job.state}>
      <div className="create-recent-thumbs">
        {saved.length ? (
          saved.slice(0, 4).map((image) => <img key={image.imageId} src={image.thumbUrl} alt="" width={44} height={44} />)
        ) : working ? (
          <Spinner label={look.label} />
        ) : (
          <Icon name={job.state === 'failed' ? 'alert' : 'image'} />
        )}
      </div>
      <div className="create-recent-text">
        <span className="create-recent-prompt" title={job.request.prompt}>
          {job.request.prompt}
        </span>
        <span className={`create-recent-state tone-${look.tone}`}>
          {look.label}
          {working ? progress : ''}
          {job.state === 'failed' && job.error ? ` · ${job.error.message}` : ''}
        </span>
      </div>
      <button type="button" className="btn btn-ghost btn-small" onClick={() => go('activity', { jobId: job.id })} aria-label={`Show “${job.request.prompt}” in Activity`}>
        Activity
        <Icon name="arrowRight" size={15} />
      </button>
    </li>
  );
}
