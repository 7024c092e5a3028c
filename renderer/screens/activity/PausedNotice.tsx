// A paused job: the runner stepped back after the vendor (or the network) kept failing, and the
// app picks it up again on its own. The person reads what went wrong, when Easel tries again,
// and whether the vendor already has the job (and may charge for it) or nothing was taken yet.
import { AUTO_RESUME_INTERVAL_MS, type JobView } from '../../../shared/contract-jobs';
import { JobProblem } from './JobProblem';
import { reachedVendor } from './job-state-labels';

const minutes = Math.max(1, Math.round(AUTO_RESUME_INTERVAL_MS / 60_000));
const EVERY = minutes === 1 ? 'every minute' : `every ${minutes} minutes`;

export function PausedNotice({ job, vendor }: { job: JobView; vendor: string }) {
  if (!job.warning) return null;
  const standing = reachedVendor(job)
    ? `${vendor} has the job; Easel fetches the picture once ${vendor} answers again.`
    : `${vendor} has not taken the job yet, so nothing has been charged.`;
  return (
    <JobProblem
      tone="warning"
      title={`Easel tries again ${EVERY}`}
      provider={job.request.provider}
      problem={{ ...job.warning, message: `${job.warning.message} ${standing}` }}
    />
  );
}
