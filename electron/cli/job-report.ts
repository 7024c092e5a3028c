// What a person reads when a job ends, and the JSON a script reads.
import { summarizeJob, vendorJobIds, type JobRecord } from '../../shared/domain';
import { EXIT } from './cli-error';
import { printJson, type CliIo } from './cli-io';

export function reportJobs(io: CliIo, jobs: readonly JobRecord[], json: boolean, asArray: boolean): void {
  if (json) {
    printJson(io, asArray ? jobs.map(summarizeJob) : summarizeJob(jobs[0]!));
    for (const job of jobs) if (job.error) io.err(`${job.id.slice(0, 8)}: ${job.error.message}`);
    return;
  }
  for (const job of jobs) {
    if (job.state === 'completed') {
      for (const r of job.results) if (r.saved) io.out(r.saved.path);
      if (job.warning) io.err(`Warning: ${job.warning.message}`);
    } else if (job.error) {
      io.err(`${job.request.provider}/${job.request.model} ${job.id.slice(0, 8)} ${job.state}: ${job.error.message}`);
    } else if (job.state === 'running' || job.state === 'downloading' || job.state === 'submitting' || job.state === 'draft') {
      const why = job.warning ? ` (${job.warning.message})` : '';
      io.err(`${job.id.slice(0, 8)} is ${job.state} and kept${why}. Run \`easel resume\` to continue it.`);
    }
  }
}

/** Exit status for jobs that were followed to the end (or as far as they could go). */
export function exitCodeForJobs(jobs: readonly JobRecord[], acceptSubmitted = false): number {
  if (jobs.some((j) => j.state === 'failed' || j.state === 'expired' || j.state === 'canceled')) return EXIT.jobFailed;
  if (jobs.every((j) => j.state === 'completed' || (acceptSubmitted && vendorJobIds(j).length > 0))) return EXIT.ok;
  return EXIT.paused;
}
