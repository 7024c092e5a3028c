// Every job the window knows, kept current by `jobs.changed` events (no polling). Loaded once
// from jobs.list; each event replaces that job's view.
//
// Events keep arriving while jobs.list is answered (main reads the records one by one, and jobs
// resuming at start-up save as it does), so the list can hold an older copy of a job than an
// event already delivered. The list never overwrites a copy that is as new or newer: otherwise a
// job that finished during the load would read "Generating" until the next restart.
import type { JobView } from '../../shared/contract-jobs';
import { easel, errorOf } from '../easel-bridge';
import { createStore } from './external-store';
import { loading, type Remote } from './remote-state';

export const jobsStore = createStore<Remote<ReadonlyMap<string, JobView>>>(loading());

export async function loadJobs(): Promise<void> {
  try {
    const jobs = await easel().jobs.list({ includeDismissed: false });
    jobsStore.set((current) => ({ status: 'ready', data: merge(current.data ?? new Map(), jobs, 'unless-older') }));
  } catch (error) {
    jobsStore.set((current) => ({ status: 'error', data: current.data, message: errorOf(error).message }));
  }
}

export function upsertJob(job: JobView): void {
  // An event is authoritative for its job, whether or not the first list has arrived yet. It
  // does not change the status: one job's news is not the whole list, and a failed load must
  // keep saying so.
  jobsStore.set((current) => ({ ...current, data: merge(current.data ?? new Map(), [job], 'always') }));
}

/**
 * `always` for an event (the newest word on its job; a job republished when its run ends has the
 * same updatedAt but a new `active`); `unless-older` for a list, which may have been read before
 * the events that arrived while it was on its way.
 */
function merge(current: ReadonlyMap<string, JobView>, jobs: readonly JobView[], replace: 'always' | 'unless-older'): ReadonlyMap<string, JobView> {
  const next = new Map(current);
  for (const job of jobs) {
    const known = next.get(job.id);
    if (replace === 'unless-older' && known && known.updatedAt >= job.updatedAt) continue;
    if (job.dismissed) next.delete(job.id);
    else next.set(job.id, job);
  }
  return next;
}

/** Newest first. */
export function sortedJobs(jobs: ReadonlyMap<string, JobView> | null): JobView[] {
  return [...(jobs?.values() ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export const UNFINISHED: ReadonlySet<JobView['state']> = new Set(['draft', 'submitting', 'running', 'downloading']);
