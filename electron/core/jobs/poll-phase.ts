// Follows every submitted vendor task until the vendor says it succeeded or failed. Waits adapt
// (short while the vendor reports progress, longer while it is quiet), every request takes a
// slot from the vendor's budget, and transient faults back off with jitter and honour
// Retry-After. Results are recorded as each task finishes, so a crash loses nothing.
import type { JobRecord, JobResult } from '../../../shared/domain';
import { EaselError, toEaselError } from '../errors/easel-error';
import type { PollOutcome } from '../providers/provider-adapter';
import { abortableSleep } from './abortable-sleep';
import { JobPaused, type PhaseContext } from './phase-context';
import { withTask } from './task-updates';
import { backoffMs, nextPollMs } from './timing-policy';

/** Vendors keep results about 14 days (DESIGN.md). */
export const RESULT_LIFETIME_MS = 14 * 24 * 3600_000;

export async function pollPhase(job: JobRecord, p: PhaseContext): Promise<JobRecord> {
  let interval: number | null = null;
  let wait = p.timing.pollInitialMs;
  const faults = new Map<number, number>();
  try {
    for (;;) {
      const running = job.tasks.filter((t) => t.status === 'running');
      if (running.length === 0) return await settlePolling(job, p);
      await abortableSleep(wait, p.signal);
      let progressed = false;
      let backoff = 0;
      for (const task of running) {
        let outcome: PollOutcome;
        try {
          outcome = await pollOnce(task.vendorJobId!, p);
        } catch (error) {
          const failure = toEaselError(error);
          if (failure.code === 'CANCELED') throw failure;
          if (failure.retry === 'final') {
            job = await p.update(job, withTask(job, task.index, { status: 'failed', error: failure.toInfo() }));
            continue;
          }
          const count = faults.get(task.index) ?? 0;
          if (count >= p.timing.maxTransientRetries) throw new JobPaused(await p.update(job, { warning: failure.toInfo() }), failure);
          if (count === 0) job = await p.update(job, { warning: failure.toInfo() });
          faults.set(task.index, count + 1);
          backoff = Math.max(backoff, backoffMs(p.timing, count, failure.retryAfterMs));
          continue;
        }
        if (faults.delete(task.index) && faults.size === 0 && job.warning) job = await p.update(job, { warning: undefined });
        job = await record(job, task.index, outcome, p);
        if (outcome.kind !== 'running' || (outcome.progress !== undefined && outcome.progress !== task.progress)) progressed = true;
      }
      interval = nextPollMs(p.timing, interval, progressed);
      wait = backoff > 0 ? backoff : interval;
    }
  } finally {
    for (const task of job.tasks) if (task.vendorJobId) p.budgets.release(p.adapter.id, task.vendorJobId);
  }
}

async function record(job: JobRecord, index: number, outcome: PollOutcome, p: PhaseContext): Promise<JobRecord> {
  if (outcome.kind === 'running') {
    if (outcome.progress === undefined) return job;
    const tasks = withTask(job, index, { progress: outcome.progress }).tasks!;
    // The job's progress is the mean of its tasks' (a finished task counts as done).
    const progress = tasks.reduce((sum, t) => sum + (t.status === 'running' ? (t.progress ?? 0) : 1), 0) / tasks.length;
    return p.update(job, { tasks, progress });
  }
  if (outcome.kind === 'failed') {
    const error = outcome.error.toInfo();
    if (outcome.error.code === 'BAD_RESPONSE' && outcome.error.detail) {
      // An answer we could not read is evidence: keep it for the person (or a bug report).
      const file = await p.saveDiagnostic(job, outcome.error.detail);
      return p.update(job, { ...withTask(job, index, { status: 'failed', error: { ...error, message: `${error.message} The vendor's answer was saved to ${file}.` } }), diagnosticPath: file });
    }
    return p.update(job, withTask(job, index, { status: 'failed', error }));
  }
  if (outcome.kind === 'fetch-result') {
    throw new EaselError('BAD_RESPONSE', `${p.adapter.label} pointed to a result call twice.`, { retry: 'transient' });
  }
  const now = Date.now();
  const results: JobResult[] = [
    ...job.results,
    ...outcome.images.map((image, i) => ({
      index: job.results.length + i,
      taskIndex: index,
      url: image.url,
      downloadAttempts: 0,
      ...(image.width ? { width: image.width } : {}),
      ...(image.height ? { height: image.height } : {}),
    })),
  ];
  return p.update(job, {
    ...withTask(job, index, { status: 'succeeded', progress: 1 }),
    results,
    vendorCompletedAt: job.vendorCompletedAt ?? new Date(now).toISOString(),
    // The earliest completion decides when the first link dies.
    resultsExpireAt: job.resultsExpireAt ?? new Date(now + RESULT_LIFETIME_MS).toISOString(),
    ...(outcome.costCredits !== undefined ? { costCredits: (job.costCredits ?? 0) + outcome.costCredits } : {}),
  });
}

async function settlePolling(job: JobRecord, p: PhaseContext): Promise<JobRecord> {
  const failed = job.tasks.filter((t) => t.status === 'failed' || t.status === 'unknown');
  if (job.results.length === 0) {
    const error = failed[0]?.error ?? { code: 'BAD_RESPONSE', message: `${p.adapter.label} finished without any picture.` };
    return p.update(job, { state: 'failed', error, finishedAt: new Date().toISOString() });
  }
  const warning =
    failed.length > 0
      ? { code: failed[0]!.error?.code ?? 'VENDOR_FAILED', message: `${failed.length} of ${job.tasks.length} images were not made: ${failed[0]!.error?.message ?? 'unknown reason'}` }
      : undefined;
  return p.update(job, { state: 'downloading', progress: 1, warning });
}

async function pollOnce(vendorJobId: string, p: PhaseContext): Promise<PollOutcome> {
  const { adapter } = p;
  const send = async (phase: 'poll' | 'result'): Promise<PollOutcome> => {
    const build = phase === 'poll' ? adapter.buildPoll : adapter.buildResult;
    const parse = phase === 'poll' ? adapter.parsePoll : adapter.parseResult;
    if (!build || !parse) throw new EaselError('INTERNAL', `${adapter.label} has no ${phase} call.`);
    const done = await p.budgets.acquire(adapter.id, adapter.budget, vendorJobId, p.signal);
    let response;
    try {
      response = await p.http.send(build.call(adapter, vendorJobId, p.ctx), {
        secrets: [p.ctx.apiKey],
        timeoutMs: p.timing.requestTimeoutMs,
        signal: p.signal,
      });
    } finally {
      done();
    }
    if (response.status < 200 || response.status >= 300) throw adapter.mapError(response, phase);
    return parse.call(adapter, response);
  };
  const outcome = await send('poll');
  return outcome.kind === 'fetch-result' ? send('result') : outcome;
}
