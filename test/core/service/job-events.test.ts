// What the window hears about a job while it runs: every change reaches it as a jobs.changed
// event, including the end of a run that saved nothing new (a job paused by a vendor it cannot
// reach), so Activity never keeps showing a job as working when nothing drives it.
import { afterEach, describe, expect, it } from 'vitest';
import type { JobView } from '../../../shared/contract-jobs';
import { startServiceFixture, valueOf, type ServiceFixture } from './service-fixture';

let fixture: ServiceFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

function changesOf(f: ServiceFixture, jobId: string): JobView[] {
  return f.events.flatMap((e) => (e.event === 'jobs.changed' && e.payload.id === jobId ? [e.payload] : []));
}

/** Unfinished, nothing drives it, and a warning says why: what Activity calls "Paused". */
function isPaused(view: JobView | undefined): boolean {
  return view !== undefined && ['draft', 'submitting', 'running', 'downloading'].includes(view.state) && !view.active && view.warning !== undefined;
}

async function unreachableVendorJob(f: ServiceFixture): Promise<JobView> {
  // The fixture points every vendor at a closed port: each create is refused before it is sent.
  valueOf(await f.call('keys.set', { account: 'revid', key: 'sk_live_abcdefgh1234' }));
  return valueOf<JobView>(await f.call('jobs.submit', { provider: 'revid', model: 'nano-banana', prompt: 'a lighthouse at dusk' }));
}

describe('jobs.changed', () => {
  it('ends with the paused job when its vendor cannot be reached', async () => {
    fixture = await startServiceFixture();
    const f = fixture;
    const job = await unreachableVendorJob(f);

    await expect.poll(() => isPaused(changesOf(f, job.id).at(-1)), { timeout: 10_000 }).toBe(true);
    const changes = changesOf(f, job.id);
    const last = changes.at(-1)!;
    // Nothing was ever sent, so the job waits as a draft, with the reason, resumable.
    expect(last).toMatchObject({ state: 'draft', active: false, warning: { code: expect.any(String) } });
    // The pause itself was saved while the run was still going: that event said "working".
    expect(changes.some((view) => view.active && view.warning !== undefined)).toBe(true);
    // What the window heard last is what it reads when it asks.
    expect(valueOf<JobView>(await f.call('jobs.get', { jobId: job.id }))).toEqual(last);
  });

  it('says at once that a paused job is moving again when the person retries it, and when it pauses again', async () => {
    fixture = await startServiceFixture();
    const f = fixture;
    const job = await unreachableVendorJob(f);
    await expect.poll(() => isPaused(changesOf(f, job.id).at(-1)), { timeout: 10_000 }).toBe(true);
    const before = changesOf(f, job.id).length;

    const retried = valueOf<JobView>(await f.call('jobs.retry', { jobId: job.id }));
    expect(retried).toMatchObject({ id: job.id, active: true });
    expect(changesOf(f, job.id)[before]).toMatchObject({ id: job.id, active: true });
    await expect.poll(() => changesOf(f, job.id).length > before + 1 && isPaused(changesOf(f, job.id).at(-1)), { timeout: 10_000 }).toBe(true);
  });

  it('follows runs it did not start (the resume at start-up) to their end', async () => {
    fixture = await startServiceFixture();
    const f = fixture;
    const job = await unreachableVendorJob(f);
    await expect.poll(() => isPaused(changesOf(f, job.id).at(-1)), { timeout: 10_000 }).toBe(true);
    const before = changesOf(f, job.id).length;

    const [resumed] = await f.core.runner.resumeAll();
    expect(resumed).toMatchObject({ id: job.id, state: 'draft' });
    await expect.poll(() => changesOf(f, job.id).length > before && isPaused(changesOf(f, job.id).at(-1)), { timeout: 10_000 }).toBe(true);
    expect(changesOf(f, job.id).slice(before).some((view) => view.active)).toBe(true);
  });

  it('publishes a finished job once more when its run ends, no longer active', async () => {
    fixture = await startServiceFixture();
    const f = fixture;
    const job = valueOf<JobView>(await f.call('jobs.submit', { provider: 'sandbox', model: 'sketch', prompt: 'a fox in the snow', seed: 7 }));
    await expect.poll(() => changesOf(f, job.id).at(-1), { timeout: 15_000 }).toMatchObject({ state: 'completed', active: false });
  });
});
