// Every job the window knows, kept current by `jobs.changed` events (no polling). Loaded once
// from jobs.list; each event replaces that job's view.
import type { JobView } from '../../shared/contract-jobs';
import { easel, errorOf } from '../easel-bridge';
import { createStore } from './external-store';
import { loading, type Remote } from './remote-state';

export const jobsStore = createStore<Remote<ReadonlyMap<string, JobView>>>(loading());

export async function loadJobs(): Promise<void> {
  try {
    const jobs = await easel().jobs.list({ includeDismissed: false });
    jobsStore.set((current) => ({ status: 'ready', data: merge(current.data ?? new Map(), jobs) }));
  } catch (error) {
    jobsStore.set((current) => ({ status: 'error', data: current.data, message: errorOf(error).message }));
  }
}

export function upsertJob(job: JobView): void {
  // An event is authoritative for its job, whether or not the first list has arrived yet.
  jobsStore.set((current) => ({ status: 'ready', data: merge(current.data ?? new Map(), [job]) }));
}

function merge(current: ReadonlyMap<string, JobView>, jobs: readonly JobView[]): ReadonlyMap<string, JobView> {
  const next = new Map(current);
  for (const job of jobs) {
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
