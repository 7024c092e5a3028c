// Follows a submitted job until the vendor says it succeeded or failed. Waits adapt (short
// while the vendor reports progress, longer while it is quiet), every request takes a slot
// from the vendor's budget, and transient faults back off with jitter and honour Retry-After.
import type { JobRecord } from '../../../shared/domain';
import { EaselError, toEaselError } from '../errors/easel-error';
import type { PollOutcome } from '../providers/provider-adapter';
import { abortableSleep } from './abortable-sleep';
import { JobPaused, type PhaseContext } from './phase-context';
import { backoffMs, nextPollMs } from './timing-policy';

/** Vendors keep results about 14 days (DESIGN.md). */
export const RESULT_LIFETIME_MS = 14 * 24 * 3600_000;

export async function pollPhase(job: JobRecord, p: PhaseContext): Promise<JobRecord> {
  const { adapter } = p;
  const vendorJobId = job.vendorJobId;
  if (!vendorJobId) throw new EaselError('INTERNAL', 'A running job has no vendor job id.');
  let interval: number | null = null;
  let transient = 0;
  let wait = p.timing.pollInitialMs;
  try {
    for (;;) {
      await abortableSleep(wait, p.signal);
      let outcome: PollOutcome;
      try {
        outcome = await pollOnce(vendorJobId, p);
      } catch (error) {
        const failure = toEaselError(error);
        if (failure.code === 'CANCELED') throw failure;
        if (failure.retry === 'final') {
          return await p.update(job, { state: 'failed', error: failure.toInfo(), finishedAt: new Date().toISOString() });
        }
        if (transient >= p.timing.maxTransientRetries) throw new JobPaused(job, failure);
        if (transient === 0) job = await p.update(job, { warning: failure.toInfo() });
        wait = backoffMs(p.timing, transient, failure.retryAfterMs);
        transient++;
        continue;
      }
      if (transient > 0) job = await p.update(job, { warning: undefined });
      transient = 0;
      if (outcome.kind === 'running') {
        const progressed = outcome.progress !== undefined && outcome.progress !== job.progress;
        if (progressed) job = await p.update(job, { progress: outcome.progress });
        interval = nextPollMs(p.timing, interval, progressed);
        wait = interval;
        continue;
      }
      if (outcome.kind === 'failed') {
        return await p.update(job, { state: 'failed', error: outcome.error.toInfo(), finishedAt: new Date().toISOString() });
      }
      if (outcome.kind === 'fetch-result') {
        throw new EaselError('BAD_RESPONSE', `${adapter.label} pointed to a result call twice.`, { retry: 'transient' });
      }
      const now = Date.now();
      return await p.update(job, {
        state: 'downloading',
        progress: 1,
        vendorCompletedAt: new Date(now).toISOString(),
        resultsExpireAt: new Date(now + RESULT_LIFETIME_MS).toISOString(),
        results: outcome.images.map((image, index) => ({ index, url: image.url, downloadAttempts: 0, ...(image.width ? { width: image.width } : {}), ...(image.height ? { height: image.height } : {}) })),
        ...(outcome.costCredits !== undefined ? { costCredits: outcome.costCredits } : {}),
        warning: undefined,
      });
    }
  } finally {
    p.budgets.release(adapter.id, vendorJobId);
  }
}

async function pollOnce(vendorJobId: string, p: PhaseContext): Promise<PollOutcome> {
  const { adapter } = p;
  const send = async (phase: 'poll' | 'result'): Promise<PollOutcome> => {
    const build = phase === 'poll' ? adapter.buildPoll : adapter.buildResult;
    const parse = phase === 'poll' ? adapter.parsePoll : adapter.parseResult;
    if (!build || !parse) throw new EaselError('INTERNAL', `${adapter.label} has no ${phase} call.`);
    await p.budgets.acquire(adapter.id, adapter.budget, vendorJobId, p.signal);
    const response = await p.http.send(build.call(adapter, vendorJobId, p.ctx), {
      secrets: [p.ctx.apiKey],
      timeoutMs: p.timing.requestTimeoutMs,
      signal: p.signal,
    });
    if (response.status < 200 || response.status >= 300) throw adapter.mapError(response, phase);
    return parse.call(adapter, response);
  };
  const outcome = await send('poll');
  return outcome.kind === 'fetch-result' ? send('result') : outcome;
}
