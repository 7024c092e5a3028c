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
      return retryInBackground(context, job);
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

/**
 * JobRunner.retry resolves only when the retried job finishes, which can be minutes; the window
 * needs the job that now follows the request at once. It is the first record the retry saves:
 * the same job reopened for download, or a new draft with the same request. (Once the runner
 * offers a retry that returns before running, this becomes one call; see the issue 4 notes.)
 */
function retryInBackground(context: ServiceContext, job: JobRecord): Promise<JobView> {
  const startedAt = new Date().toISOString();
  const request = JSON.stringify(job.request);
  return new Promise<JobView>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      stop();
      outcome();
    };
    const stop = context.core.runner.onJobChanged((changed) => {
      const reopened = changed.id === job.id && !FINAL_STATES.has(changed.state);
      const fresh = changed.id !== job.id && changed.state === 'draft' && changed.createdAt >= startedAt && JSON.stringify(changed.request) === request;
      if (reopened || fresh) settle(() => resolve(context.jobView(changed)));
    });
    context.core.runner.retry(job.id).then(
      (finished) => settle(() => resolve(context.jobView(finished))),
      (error: unknown) => {
        if (settled) context.log(`Retry of job ${job.id} stopped: ${error instanceof Error ? error.message : String(error)}`);
        settle(() => reject(error));
      },
    );
  });
}
