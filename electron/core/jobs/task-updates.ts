// Small pure helpers for changing one vendor task inside a job record.
import type { JobRecord, VendorTask } from '../../../shared/domain';

export function withTask(job: JobRecord, index: number, patch: Partial<VendorTask>): Partial<JobRecord> {
  return { tasks: job.tasks.map((t) => (t.index === index ? { ...t, ...patch } : t)) };
}

export function taskAt(job: JobRecord, index: number): VendorTask {
  const task = job.tasks.find((t) => t.index === index);
  if (!task) throw new Error(`Job ${job.id} has no task ${index}.`);
  return task;
}
