// `easel jobs`, `easel resume`, `easel cancel`, `easel retry`: the job list and its actions.
import { summarizeJob, type JobRecord } from '../../../shared/domain';
import type { Core } from '../../core/create-core';
import type { Advise } from '../cli-advice';
import { EXIT, UsageError } from '../cli-error';
import { printJson, type CliIo } from '../cli-io';
import { followProgress } from '../job-progress';
import { exitCodeForJobs, reportJobs } from '../job-report';

export async function jobsCommand(core: Core, io: CliIo, flags: { json?: boolean }, advise: Advise): Promise<number> {
  const { jobs, unreadable } = await core.store.list();
  for (const u of unreadable) io.err(`Skipped an unreadable job record ${u.file}: ${u.reason}`);
  if (flags.json) {
    printJson(io, jobs.map(summarizeJob));
    return EXIT.ok;
  }
  if (jobs.length === 0) io.err('No jobs yet. Try: easel generate --provider sandbox --prompt "a lighthouse at dusk"');
  for (const job of jobs) io.out(describe(job, advise));
  return EXIT.ok;
}

function describe(job: JobRecord, advise: Advise): string {
  const prompt = job.request.prompt.length > 48 ? `${job.request.prompt.slice(0, 47)}…` : job.request.prompt;
  const problem = job.error ?? job.warning;
  const tail = problem ? `  (${advise(problem, job.request.provider)})` : '';
  return `${job.id.slice(0, 8)}  ${job.state.padEnd(11)} ${`${job.request.provider}/${job.request.model}`.padEnd(32)} ${job.createdAt.slice(0, 16).replace('T', ' ')}  "${prompt}"${tail}`;
}

export async function resumeCommand(core: Core, io: CliIo, flags: { json?: boolean }, advise: Advise): Promise<number> {
  const { jobs } = await core.store.list();
  const ids = new Set(jobs.filter((j) => !['completed', 'failed', 'expired', 'canceled'].includes(j.state)).map((j) => j.id));
  if (ids.size === 0 && !flags.json) {
    io.err('No unfinished jobs.');
    return EXIT.ok;
  }
  const stop = followProgress(io, (l) => core.runner.onJobChanged(l), ids);
  let results: JobRecord[];
  try {
    results = await core.runner.resumeAll();
  } finally {
    stop();
  }
  reportJobs(io, results, Boolean(flags.json), true, advise);
  return results.length === 0 ? EXIT.ok : exitCodeForJobs(results);
}

export async function jobActionCommand(
  core: Core,
  io: CliIo,
  action: 'cancel' | 'retry',
  idPrefix: string | undefined,
  flags: { json?: boolean },
  advise: Advise,
): Promise<number> {
  if (!idPrefix) throw new UsageError(`Say which job: easel ${action} <job id> (see \`easel jobs\`).`);
  const { jobs } = await core.store.list();
  const matches = jobs.filter((j) => j.id.startsWith(idPrefix));
  if (matches.length !== 1) throw new UsageError(matches.length ? `"${idPrefix}" matches ${matches.length} jobs; give more of the id.` : `There is no job "${idPrefix}".`);
  const target = matches[0]!;
  if (action === 'cancel') {
    const job = await core.runner.cancel(target.id);
    reportJobs(io, [job], Boolean(flags.json), false, advise);
    return EXIT.ok;
  }
  // Retry may create a new job, so follow whatever changes.
  const stop = followProgress(io, (l) => core.runner.onJobChanged(l), 'any');
  let job: JobRecord;
  try {
    job = await core.runner.retry(target.id);
  } finally {
    stop();
  }
  reportJobs(io, [job], Boolean(flags.json), false, advise);
  return exitCodeForJobs([job]);
}
