// Sends the create request, once. The job is persisted as `submitting` (with the attempt
// counted) before the request goes out, and the vendor job id is persisted the moment it is
// known. If the outcome of a create is unknown, it is resent only where the API honours an
// idempotency key; otherwise the job fails with a message that lets the person decide.
import type { JobRecord } from '../../../shared/domain';
import { EaselError, toEaselError } from '../errors/easel-error';
import { resolveReferences } from '../requests/validate-request';
import { abortableSleep } from './abortable-sleep';
import { JobPaused, type PhaseContext } from './phase-context';
import { backoffMs } from './timing-policy';

export async function submitPhase(job: JobRecord, p: PhaseContext, uploadModels: () => string[]): Promise<JobRecord> {
  const { adapter } = p;
  if (job.state === 'submitting' && !adapter.idempotentCreate) {
    // We were interrupted while a create was in flight: the vendor may have the job.
    return p.update(job, { state: 'failed', error: unknownOutcome(adapter.label).toInfo(), finishedAt: new Date().toISOString() });
  }
  const where = `${p.model.label} (${adapter.label})`;
  const references = await resolveReferences(job.request.references, p.model, where, uploadModels);
  for (let attempt = 0; ; attempt++) {
    job = await p.update(job, { state: 'submitting', createAttempts: job.createAttempts + 1 });
    await p.budgets.acquire(adapter.id, adapter.budget, null, p.signal);
    let failure: EaselError;
    try {
      const response = await p.http.send(adapter.buildCreate(job.request, references, p.ctx), {
        secrets: [p.ctx.apiKey],
        timeoutMs: p.timing.requestTimeoutMs,
        signal: p.signal,
      });
      if (response.status >= 200 && response.status < 300) {
        try {
          const { vendorJobId } = adapter.parseCreate(response);
          return await p.update(job, { state: 'running', vendorJobId, submittedAt: new Date().toISOString(), warning: undefined });
        } catch (error) {
          // A 2xx we cannot read: the vendor probably created the job.
          failure = new EaselError('BAD_RESPONSE', toEaselError(error).message, { retry: 'transient', delivery: 'unknown', detail: response.text.slice(0, 300) });
        }
      } else {
        failure = adapter.mapError(response, 'create');
      }
    } catch (error) {
      failure = toEaselError(error);
    }
    if (failure.code === 'CANCELED') throw failure;
    if (failure.delivery === 'unknown' && !adapter.idempotentCreate) {
      return p.update(job, { state: 'failed', error: unknownOutcome(adapter.label, failure).toInfo(), finishedAt: new Date().toISOString() });
    }
    if (failure.retry === 'final') {
      return p.update(job, { state: 'failed', error: failure.toInfo(), finishedAt: new Date().toISOString() });
    }
    // Transient and safe to resend: the vendor said no (429/5xx), the request never left, or
    // the API deduplicates by idempotency key. Nothing exists at the vendor unless the key
    // protects us, so the record goes back to `draft` (or stays `submitting` for idempotent APIs).
    const safeState = failure.delivery === 'unknown' ? 'submitting' : 'draft';
    job = await p.update(job, { state: safeState, warning: failure.toInfo() });
    if (attempt >= p.timing.maxTransientRetries) throw new JobPaused(job, failure);
    await abortableSleep(backoffMs(p.timing, attempt, failure.retryAfterMs), p.signal);
  }
}

function unknownOutcome(vendor: string, cause?: EaselError): EaselError {
  return new EaselError(
    'SUBMIT_OUTCOME_UNKNOWN',
    `The connection to ${vendor} was lost while submitting, so Easel cannot tell whether the job was created. ` +
      `It was not sent again, to avoid paying twice. Check your ${vendor} dashboard, then retry if the job is not there.`,
    cause?.detail !== undefined ? { detail: cause.detail } : {},
  );
}
