// A finished result that is not saved yet lives only at the vendor, which deletes it after
// about 14 days. The person sees how long is left, live, and why Easel has not saved it.
import type { JobView } from '../../../shared/contract-jobs';
import { JobProblem } from './JobProblem';
import { unsavedCount } from './job-state-labels';
import { formatTimeLeft } from './time-format';

/** When the vendor deletes the job's results, or NaN when it has not said. */
function expiresAt(job: JobView): number {
  return job.resultsExpireAt ? Date.parse(job.resultsExpireAt) : Number.NaN;
}

// The core appends its own (then-current) time left to the warning; the live one replaces it.
const STALE_TIME_LEFT = /\s*Not saved yet; the vendor keeps it for about [^.]*more\.\s*$/;

export function ExpiryWarning({ job, vendor, now }: { job: JobView; vendor: string; now: number }) {
  const expireAt = expiresAt(job);
  if (!job.warning || Number.isNaN(expireAt)) return null;
  const left = expireAt - now;
  const unsaved = unsavedCount(job) || 1;
  const what = unsaved === 1 ? 'this picture' : `these ${unsaved} pictures`;
  const title =
    left <= 0
      ? `${vendor}’s link to ${what} has expired`
      : `Not saved yet: ${vendor} deletes ${what} in ${formatTimeLeft(left)}`;
  const message = job.warning.message.replace(STALE_TIME_LEFT, '') || job.warning.message;
  return <JobProblem tone="warning" title={title} provider={job.request.provider} problem={{ ...job.warning, message: `${message} Easel keeps trying to save it.` }} />;
}

/**
 * A job that ended with pictures still unsaved (a partial result, or a download that failed for
 * good): they wait at the vendor until the link expires, and another try fetches them without a
 * new job or a new charge. The person reads how long that stays possible.
 */
export function UnsavedDeadline({ job, vendor, now }: { job: JobView; vendor: string; now: number }) {
  const expireAt = expiresAt(job);
  const unsaved = unsavedCount(job);
  if ((job.state !== 'completed' && job.state !== 'failed') || unsaved === 0 || Number.isNaN(expireAt)) return null;
  const what = unsaved === 1 ? 'the unsaved picture' : `the ${unsaved} unsaved pictures`;
  const left = expireAt - now;
  const action = job.state === 'completed' ? 'Save again' : 'Retry';
  return (
    <p className="job-note">
      {left > 0
        ? `${vendor} keeps ${what} for ${formatTimeLeft(left)} more; ${action} fetches ${unsaved === 1 ? 'it' : 'them'} until then, with no new charge.`
        : `${vendor}’s link to ${what} has expired: ${unsaved === 1 ? 'it' : 'they'} can no longer be saved.`}
    </p>
  );
}
