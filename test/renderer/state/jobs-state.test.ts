// The window's job list against main's two ways of telling it about jobs: the first jobs.list and
// the jobs.changed events. Events keep coming while the list is on its way; whatever order they
// land in, Activity shows each job as it last stood.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobView } from '../../../shared/contract-jobs';
import { jobsStore, loadJobs, upsertJob } from '../../../renderer/state/jobs-state';
import { loading } from '../../../renderer/state/remote-state';

function job(state: JobView['state'], updatedAt: string, patch: Partial<JobView> = {}): JobView {
  return {
    id: 'job-1',
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt,
    state,
    request: { provider: 'sandbox', model: 'sketch', prompt: 'a lighthouse', count: 1, references: [], params: {} },
    tasks: [],
    results: [],
    dismissed: false,
    active: state !== 'completed',
    ...patch,
  } as JobView;
}

/** A window.easel whose jobs.list answers when the test says so. */
function bridgeWithList(): { answer: (jobs: JobView[]) => void; fail: (message: string) => void } {
  let answer: (jobs: JobView[]) => void = () => {};
  let fail: (message: string) => void = () => {};
  const list = () =>
    new Promise<JobView[]>((resolve, reject) => {
      answer = resolve;
      fail = (message) => reject(new Error(message));
    });
  (globalThis as { window?: unknown }).window = { easel: { jobs: { list } } };
  return { answer: (jobs) => answer(jobs), fail: (message) => fail(message) };
}

beforeEach(() => jobsStore.set(loading()));
afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

describe('the job list and the events that cross it', () => {
  it('a job that finished while the list was read stays finished', async () => {
    const bridge = bridgeWithList();
    const load = loadJobs();
    // The job completes (an event) before the list, read a moment earlier, arrives.
    upsertJob(job('completed', '2026-12-01T10:00:05.000Z'));
    bridge.answer([job('running', '2026-12-01T10:00:02.000Z')]);
    await load;
    expect(jobsStore.get().status).toBe('ready');
    expect(jobsStore.get().data?.get('job-1')?.state).toBe('completed');
  });

  it('the list still brings what no event has told', async () => {
    const bridge = bridgeWithList();
    const load = loadJobs();
    upsertJob(job('completed', '2026-12-01T10:00:05.000Z'));
    bridge.answer([job('running', '2026-12-01T10:00:06.000Z'), job('failed', '2026-12-01T09:00:00.000Z', { id: 'job-2' })]);
    await load;
    expect(jobsStore.get().data?.get('job-1')?.state).toBe('running');
    expect(jobsStore.get().data?.get('job-2')?.state).toBe('failed');
  });

  it('an event with the same save time wins: a run that ended republishes its job as no longer active', () => {
    upsertJob(job('downloading', '2026-12-01T10:00:05.000Z', { active: true }));
    upsertJob(job('downloading', '2026-12-01T10:00:05.000Z', { active: false }));
    expect(jobsStore.get().data?.get('job-1')?.active).toBe(false);
  });

  it('a failed load keeps saying so when an event arrives afterwards', async () => {
    const bridge = bridgeWithList();
    const load = loadJobs();
    bridge.fail('The job folder could not be read.');
    await load;
    upsertJob(job('running', '2026-12-01T10:00:05.000Z'));
    const state = jobsStore.get();
    expect(state.status).toBe('error');
    expect(state.data?.get('job-1')?.state).toBe('running');
  });
});
