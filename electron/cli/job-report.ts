// What a person reads when a job ends, and the JSON a script reads. A failure is printed with
// the CLI's advice (which variable to check); the JSON keeps the stored message as it is.
import { summarizeJob, vendorJobIds, type JobRecord } from '../../shared/domain';
import type { Advise } from './cli-advice';
import { EXIT } from './cli-error';
import { printJson, type CliIo } from './cli-io';

export function reportJobs(io: CliIo, jobs: readonly JobRecord[], json: boolean, asArray: boolean, advise: Advise): void {
  if (json) {
    printJson(io, asArray ? jobs.map(summarizeJob) : summarizeJob(jobs[0]!));
    for (const job of jobs) if (job.error) io.err(`${job.id.slice(0, 8)}: ${advise(job.error, job.request.provider)}`);
    return;
  }
  for (const job of jobs) {
    if (job.state === 'completed') {
      for (const r of job.results) if (r.saved) io.out(r.saved.path);
      if (job.warning) io.err(`Warning: ${advise(job.warning, job.request.provider)}`);
    } else if (job.error) {
      io.err(`${job.request.provider}/${job.request.model} ${job.id.slice(0, 8)} ${job.state}: ${advise(job.error, job.request.provider)}`);
    } else if (job.state === 'running' || job.state === 'downloading' || job.state === 'submitting' || job.state === 'draft') {
      const why = job.warning ? ` (${advise(job.warning, job.request.provider)})` : '';
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
