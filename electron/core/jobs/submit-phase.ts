// Sends each vendor task's create request, once. Before a create goes out, the task is
// persisted as `submitting` with the attempt counted; its vendor id is persisted the moment it
// is known. If the outcome of a create is unknown (the connection dropped after sending), it
// is resent only where the API honours an idempotency key; otherwise the task is marked
// `unknown` and the person decides. Nothing is ever silently submitted twice.
import type { JobRecord } from '../../../shared/domain';
import { EaselError, toEaselError } from '../errors/easel-error';
import type { ResolvedReference } from '../providers/provider-adapter';
import { resolveReferences } from '../requests/validate-request';
import { abortableSleep } from './abortable-sleep';
import { JobPaused, type PhaseContext } from './phase-context';
import { taskAt, withTask } from './task-updates';
import { backoffMs } from './timing-policy';

export async function submitPhase(job: JobRecord, p: PhaseContext, uploadModels: () => string[]): Promise<JobRecord> {
  const { adapter } = p;
  // Tasks interrupted mid-create by a crash: the vendor may have them.
  for (const task of job.tasks) {
    if (task.status === 'submitting' && !adapter.idempotentCreate) {
      job = await p.update(job, withTask(job, task.index, { status: 'unknown', error: unknownOutcome(adapter.label).toInfo() }));
    }
  }
  const open = job.tasks.filter((t) => t.status === 'pending' || t.status === 'submitting');
  if (open.length > 0) {
    const where = `${p.model.label} (${adapter.label})`;
    const references = await resolveReferences(job.request.references, p.model, where, uploadModels);
    for (const task of open) {
      const outcome = await submitTask(job, task.index, references, p);
      job = outcome.job;
      if (outcome.finalError) {
        // The same request would be refused again (bad key, no credits): do not send the rest.
        for (const rest of job.tasks.filter((t) => t.status === 'pending')) {
          job = await p.update(job, withTask(job, rest.index, { status: 'failed', error: outcome.finalError.toInfo() }));
        }
        break;
      }
    }
  }
  return settleSubmission(job, p);
}

async function submitTask(
  job: JobRecord,
  index: number,
  references: readonly ResolvedReference[],
  p: PhaseContext,
): Promise<{ job: JobRecord; finalError?: EaselError }> {
  const { adapter } = p;
  // One image per create where the API has no count field; the job asks for `count` tasks.
  const request = p.model.countMode === 'separate-jobs' ? { ...job.request, count: 1 } : job.request;
  for (let attempt = 0; ; attempt++) {
    const task = taskAt(job, index);
    job = await p.update(job, { state: 'submitting', ...withTask(job, index, { status: 'submitting', createAttempts: task.createAttempts + 1 }) });
    await p.budgets.acquire(adapter.id, adapter.budget, null, p.signal);
    const ctx = { ...p.ctx, idempotencyKey: task.idempotencyKey };
    let failure: EaselError;
    try {
      const response = await p.http.send(adapter.buildCreate(request, references, ctx), {
        secrets: [p.ctx.apiKey],
        timeoutMs: p.timing.requestTimeoutMs,
        signal: p.signal,
      });
      if (response.status >= 200 && response.status < 300) {
        try {
          const { vendorJobId } = adapter.parseCreate(response);
          const submittedAt = new Date().toISOString();
          job = await p.update(job, { ...withTask(job, index, { status: 'running', vendorJobId, submittedAt, error: undefined }), warning: undefined });
          return { job };
        } catch (error) {
          const thrown = toEaselError(error);
          // A refusal inside a 2xx envelope (body code 401/402/422…) is an answer: the vendor
          // said no and no task exists. Anything else is a 2xx we cannot read: the job may exist.
          const answeredRefusal = thrown.code !== 'BAD_RESPONSE' && thrown.code !== 'INTERNAL' && thrown.delivery === 'answered';
          failure = answeredRefusal
            ? thrown
            : new EaselError('BAD_RESPONSE', thrown.message, { retry: 'transient', delivery: 'unknown', detail: response.text.slice(0, 300) });
        }
      } else {
        failure = adapter.mapError(response, 'create');
      }
    } catch (error) {
      failure = toEaselError(error);
    }
    if (failure.code === 'CANCELED') throw failure;
    if (failure.delivery === 'unknown' && !adapter.idempotentCreate) {
      return { job: await p.update(job, withTask(job, index, { status: 'unknown', error: unknownOutcome(adapter.label, failure).toInfo() })) };
    }
    if (failure.retry === 'final') {
      return { job: await p.update(job, withTask(job, index, { status: 'failed', error: failure.toInfo() })), finalError: failure };
    }
    // Transient and safe to resend: the vendor said no (429/5xx), the request never left, or
    // the API deduplicates by idempotency key. Only in that last case can a job exist at the
    // vendor, so only then does the task stay `submitting`; otherwise it is `pending` again.
    const status = failure.delivery === 'unknown' ? 'submitting' : 'pending';
    const tasks = withTask(job, index, { status }).tasks!;
    // The job reads `draft` again while nothing can exist at the vendor.
    const anySent = tasks.some((t) => t.vendorJobId !== undefined || t.status === 'submitting');
    job = await p.update(job, { tasks, state: anySent ? 'submitting' : 'draft', warning: failure.toInfo() });
    if (attempt >= p.timing.maxTransientRetries) throw new JobPaused(job, failure);
    await abortableSleep(backoffMs(p.timing, attempt, failure.retryAfterMs), p.signal);
  }
}

/** After every task was tried: go on with what the vendor has, or end with the first reason. */
async function settleSubmission(job: JobRecord, p: PhaseContext): Promise<JobRecord> {
  const running = job.tasks.filter((t) => t.status === 'running' || t.status === 'succeeded');
  const lost = job.tasks.filter((t) => t.status === 'failed' || t.status === 'unknown');
  if (running.length === 0) {
    const first = lost[0]?.error ?? { code: 'INTERNAL', message: 'No task could be submitted.' };
    return p.update(job, { state: 'failed', error: first, finishedAt: new Date().toISOString() });
  }
  const warning =
    lost.length > 0
      ? { code: lost[0]!.error?.code ?? 'VENDOR_ERROR', message: `${lost.length} of ${job.tasks.length} images could not be submitted: ${lost[0]!.error?.message ?? 'unknown reason'}` }
      : undefined;
  return p.update(job, { state: 'running', submittedAt: job.submittedAt ?? running[0]!.submittedAt, warning });
}

function unknownOutcome(vendor: string, cause?: EaselError): EaselError {
  return new EaselError(
    'SUBMIT_OUTCOME_UNKNOWN',
    `The connection to ${vendor} was lost while submitting, so Easel cannot tell whether the job was created. ` +
      `It was not sent again, to avoid paying twice. Check your ${vendor} dashboard, then retry if the job is not there.`,
    cause?.detail !== undefined ? { detail: cause.detail } : {},
  );
}
