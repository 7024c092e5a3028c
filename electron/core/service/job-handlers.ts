// jobs.*: submit and follow, list, cancel, retry, dismiss. A submitted job is driven in the
// background; the call answers as soon as the job is on disk, and progress reaches the window as
// jobs.changed events.
import { FINAL_STATES, type JobRecord } from '../../../shared/domain';
import type { JobView } from '../../../shared/contract-jobs';
import { EaselError, invalidInput } from '../errors/easel-error';
import type { HandlersFor, ServiceContext } from './service-context';

export function jobHandlers(context: ServiceContext): HandlersFor<'jobs'> {
  const { core } = context;

  const drive = (jobId: string): void => {
    core.runner.run(jobId).catch((error: unknown) => {
      context.log(`Job ${jobId} stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
    });
  };

  const requireJob = async (jobId: string): Promise<JobRecord> => {
    const job = await core.runner.get(jobId);
    if (!job) throw new EaselError('NOT_FOUND', 'That job is not in Activity any more.');
    return job;
  };

  return {
    async 'jobs.submit'(input) {
      const job = await core.runner.submit(input);
      drive(job.id);
      return context.jobView(job);
    },

    async 'jobs.list'(input) {
      const jobs = await core.runner.list();
      const visible = input?.includeDismissed ? jobs : jobs.filter((job) => !context.dismissed.has(job.id));
      return visible.map((job) => context.jobView(job));
    },

    async 'jobs.get'({ jobId }) {
      const job = await core.runner.get(jobId);
      return job ? context.jobView(job) : null;
    },

    async 'jobs.cancel'({ jobId }) {
      await requireJob(jobId);
      return context.jobView(await core.runner.cancel(jobId));
    },

    async 'jobs.retry'({ jobId }) {
      const job = await requireJob(jobId);
      if (!FINAL_STATES.has(job.state)) {
        drive(jobId);
        return context.jobView(job);
      }
      const next = await core.runner.prepareRetry(job.id);
      drive(next.id);
      return context.jobView(next);
    },

    async 'jobs.dismiss'({ jobId }) {
      const job = await requireJob(jobId);
      if (!FINAL_STATES.has(job.state)) throw invalidInput('Only a finished job can be dismissed; cancel it first.');
      await context.dismissed.add(jobId);
      const view = context.jobView(job);
      context.events.publish('jobs.changed', view);
      return view;
    },
  };
}
