// jobs.*: submit and follow, list, cancel, retry, dismiss. A submitted job is driven in the
// background; the call answers as soon as the job is on disk, and progress reaches the window as
// jobs.changed events.
//
// The runner tells listeners about every record it saves, but a run can end without a save: a
// job paused by a persistent fault (saved with its warning while the run was still going, so
// that event says `active`), a job another process holds, a shutdown. The window tells "paused"
// from "working" by `active`, so whenever a run ends, the job is published once more as it now
// stands. Runs the service did not start (the resume at start-up and the periodic auto-resume)
// are noticed by their first save and followed the same way.
import { FINAL_STATES, type JobRecord } from '../../../shared/domain';
import { EaselError, invalidInput } from '../errors/easel-error';
import type { HandlersFor, ServiceContext } from './service-context';

export function jobHandlers(context: ServiceContext): HandlersFor<'jobs'> {
  const { core } = context;
  const followed = new Set<string>();

  const publish = (job: JobRecord): void => context.events.publish('jobs.changed', context.jobView(job));

  /** Publishes the job once its current run ends, however it ends. One follower per run. */
  const follow = (jobId: string, run: Promise<JobRecord>): void => {
    if (followed.has(jobId)) return;
    followed.add(jobId);
    run
      .then(
        (job) => job,
        async (error: unknown) => {
          context.log(`Job ${jobId} stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
          return core.runner.get(jobId).catch(() => null);
        },
      )
      .then((job) => {
        followed.delete(jobId);
        if (job) publish(job);
      })
      .catch(() => followed.delete(jobId));
  };

  const drive = (jobId: string): void => follow(jobId, core.runner.run(jobId));

  // A save from a run the service did not start: while the job is active, run() hands back that
  // run's own promise (it starts nothing), so following it is safe. Listeners are called
  // synchronously from the runner's save, inside the run, so `isActive` is current.
  core.runner.onJobChanged((job) => {
    if (!followed.has(job.id) && core.runner.isActive(job.id)) follow(job.id, core.runner.run(job.id));
  });

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
        // A paused job picked up again: nothing is saved until its first request, so the window
        // hears now that it is moving.
        drive(jobId);
        publish(job);
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
