// Drives jobs through draft → submitting → running → downloading → completed (or failed,
// expired, canceled). Many jobs run at once; each has its own abort controller, and a lock
// file ensures only one process drives a given job. The runner never decides what a vendor
// means (adapters do) and never forgets a job (the store remembers before it acts).
import { randomUUID } from 'node:crypto';
import { FINAL_STATES, GenerationRequestSchema, vendorJobIds, type GenerationRequestInput, type JobRecord } from '../../../shared/domain';
import { EaselError, invalidInput, toEaselError } from '../errors/easel-error';
import type { HttpClient } from '../http/http-client';
import type { ProviderAccess } from '../config/provider-access';
import { requireAccess } from '../config/provider-access';
import type { ProviderAdapter } from '../providers/provider-adapter';
import type { ProviderRegistry } from '../providers/provider-registry';
import { findModel, resolveReferences, validateRequest } from '../requests/validate-request';
import { downloadPhase } from './download-phase';
import { acquireJobLock } from './job-lock';
import type { JobStore } from './job-store';
import { JobPaused, type LibraryWriter, type PhaseContext } from './phase-context';
import { pollPhase } from './poll-phase';
import { RequestBudgets } from './request-budget';
import { submitPhase } from './submit-phase';
import type { TimingPolicy } from './timing-policy';

export interface Notifier {
  /** A job reached completed, failed or expired (not canceled: the person did that). */
  jobFinished(job: JobRecord): void;
}

export interface RunnerDeps {
  store: JobStore;
  library: LibraryWriter;
  providers: ProviderRegistry;
  access: ProviderAccess;
  http: HttpClient;
  timing: TimingPolicy;
  notifier?: Notifier;
}

export type JobListener = (job: JobRecord) => void;

export interface RunOptions {
  untilSubmitted?: boolean;
}

export class JobRunner {
  private readonly active = new Map<string, { controller: AbortController; done: Promise<JobRecord> }>();
  private readonly listeners = new Set<JobListener>();
  private readonly budgets = new RequestBudgets();

  constructor(private readonly deps: RunnerDeps) {}

  onJobChanged(listener: JobListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Checks the request completely (model, parameters, references, key) and records the job as
   * a draft. Nothing is sent and nothing is written when the request is refused.
   */
  async submit(input: GenerationRequestInput): Promise<JobRecord> {
    const parsed = GenerationRequestSchema.safeParse(input);
    if (!parsed.success) throw invalidInput(`The request is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ')}.`);
    const adapter = this.deps.providers.get(parsed.data.provider);
    const { request, model } = validateRequest(adapter, parsed.data);
    await resolveReferences(request.references, model, `${model.label} (${adapter.label})`, () => this.uploadModels());
    await requireAccess(this.deps.access, adapter);
    const now = new Date().toISOString();
    const job: JobRecord = {
      schemaVersion: 1,
      id: randomUUID(),
      createdAt: now,
      updatedAt: now,
      state: 'draft',
      request,
      // One vendor task per image where the API has no count field; each is charged.
      tasks: Array.from({ length: model.countMode === 'separate-jobs' ? request.count : 1 }, (_, index) => ({
        index,
        idempotencyKey: randomUUID(),
        status: 'pending' as const,
        createAttempts: 0,
      })),
      results: [],
    };
    return this.save(job);
  }

  /**
   * Drives a job to a final state, or until it pauses; resolves with the latest record.
   * `untilSubmitted` stops once the vendor has the job (`generate --no-wait`); the job stays
   * `running` on disk and any later run follows it.
   */
  run(jobId: string, options: RunOptions = {}): Promise<JobRecord> {
    const running = this.active.get(jobId);
    if (running) return running.done;
    const controller = new AbortController();
    const done = this.drive(jobId, controller.signal, options).finally(() => this.active.delete(jobId));
    this.active.set(jobId, { controller, done });
    return done;
  }

  /** Every job that has not finished, resumed from its record (after a crash or a restart). */
  async resumeAll(): Promise<JobRecord[]> {
    const { jobs } = await this.deps.store.list();
    const unfinished = jobs.filter((j) => !FINAL_STATES.has(j.state));
    return Promise.all(unfinished.map((j) => this.run(j.id)));
  }

  async cancel(jobId: string): Promise<JobRecord> {
    const running = this.active.get(jobId);
    if (running) {
      running.controller.abort();
      return running.done;
    }
    const job = await this.require(jobId);
    if (FINAL_STATES.has(job.state)) return job;
    return this.save({ ...job, state: 'canceled', finishedAt: new Date().toISOString(), error: canceledError(job).toInfo() });
  }

  /**
   * Picks a finished job up again where that is safe: a result not yet saved is downloaded
   * again; anything else (never reached the vendor, an unknown submit outcome the person chose
   * to retry, an expired result) becomes a new job with the same request. Returns the job that
   * now follows the request, without running it.
   */
  async prepareRetry(jobId: string): Promise<JobRecord> {
    const job = await this.require(jobId);
    if (!FINAL_STATES.has(job.state)) return job;
    const unsaved = job.results.some((r) => !r.saved);
    if (job.results.length > 0 && unsaved && job.state !== 'expired') {
      return this.save({ ...job, state: 'downloading', error: undefined, finishedAt: undefined });
    }
    return this.submit(job.request);
  }

  /** prepareRetry, then follow the job to its end. */
  async retry(jobId: string): Promise<JobRecord> {
    return this.run((await this.prepareRetry(jobId)).id);
  }

  get(jobId: string): Promise<JobRecord | null> {
    return this.deps.store.get(jobId);
  }

  async list(): Promise<JobRecord[]> {
    return (await this.deps.store.list()).jobs;
  }

  isActive(jobId: string): boolean {
    return this.active.has(jobId);
  }

  /**
   * For long-lived hosts (the desktop app): every `intervalMs`, pick up unfinished jobs that
   * nothing is driving (paused by a network outage, a vendor down, a download that kept
   * failing), until their results are saved or their links expire.
   */
  startAutoResume(intervalMs: number): void {
    this.stopAutoResume();
    this.autoResume = setInterval(() => {
      void this.resumeIdle();
    }, intervalMs);
    this.autoResume.unref?.();
  }

  stopAutoResume(): void {
    if (this.autoResume) clearInterval(this.autoResume);
    this.autoResume = null;
  }

  private autoResume: ReturnType<typeof setInterval> | null = null;

  private async resumeIdle(): Promise<void> {
    const { jobs } = await this.deps.store.list();
    for (const job of jobs) if (!FINAL_STATES.has(job.state) && !this.active.has(job.id)) void this.run(job.id);
  }

  /** Stops driving every job (they stay resumable on disk) and waits for the drivers to let go. */
  async stop(): Promise<void> {
    this.stopAutoResume();
    this.stopping = true;
    const all = [...this.active.values()];
    for (const a of all) a.controller.abort();
    await Promise.allSettled(all.map((a) => a.done));
  }

  private stopping = false;

  private async drive(jobId: string, signal: AbortSignal, options: RunOptions): Promise<JobRecord> {
    const lock = await acquireJobLock(this.deps.store.dir, jobId);
    if (!lock) {
      const job = await this.require(jobId);
      return { ...job, warning: { code: 'LOCKED', message: 'Another Easel process is following this job.' } };
    }
    let job = await this.require(jobId);
    try {
      const adapter = this.deps.providers.get(job.request.provider);
      const phase = await this.phaseContext(job, adapter, signal);
      while (!FINAL_STATES.has(job.state)) {
        if (options.untilSubmitted && (job.state === 'running' || job.state === 'downloading')) return job;
        if (job.state === 'draft' || job.state === 'submitting') job = await submitPhase(job, phase, () => this.uploadModels());
        else if (job.state === 'running') job = await pollPhase(job, phase);
        else if (job.state === 'downloading') job = await downloadPhase(job, phase);
      }
      if (job.state !== 'canceled') this.deps.notifier?.jobFinished(job);
      return job;
    } catch (error) {
      if (error instanceof JobPaused) return error.job;
      const failure = toEaselError(error);
      const latest = (await this.deps.store.get(jobId)) ?? job;
      if (failure.code === 'CANCELED') {
        // Shutting down is not the person canceling: the job stays resumable.
        if (this.stopping) return latest;
        return this.save({ ...latest, state: 'canceled', finishedAt: new Date().toISOString(), error: canceledError(latest).toInfo() });
      }
      if (failure.retry === 'final' && failure.code !== 'INTERNAL') {
        // A final problem found before or between phases (a key removed, a reference deleted).
        return this.save({ ...latest, state: 'failed', finishedAt: new Date().toISOString(), error: failure.toInfo() });
      }
      // An unexpected fault in Easel itself: keep the job resumable rather than lose a paid result.
      return this.save({ ...latest, warning: failure.toInfo() });
    } finally {
      await lock.release();
    }
  }

  private async phaseContext(job: JobRecord, adapter: ProviderAdapter, signal: AbortSignal): Promise<PhaseContext> {
    const model = findModel(adapter, job.request.model);
    const { apiKey, baseUrl } = await requireAccess(this.deps.access, adapter);
    return {
      adapter,
      model,
      // Each create uses its own task's key; this default is never sent.
      ctx: { apiKey, baseUrl, idempotencyKey: job.id },
      http: this.deps.http,
      budgets: this.budgets,
      timing: this.deps.timing,
      library: this.deps.library,
      signal,
      update: (current, patch) => this.save({ ...current, ...patch }),
      saveDiagnostic: (current, text) => this.deps.store.saveDiagnostic(current.id, text),
    };
  }

  private async save(job: JobRecord): Promise<JobRecord> {
    const saved = await this.deps.store.save(job);
    for (const listener of this.listeners) listener(saved);
    return saved;
  }

  private async require(jobId: string): Promise<JobRecord> {
    const job = await this.deps.store.get(jobId);
    if (!job) throw new EaselError('NOT_FOUND', `There is no job "${jobId}".`);
    return job;
  }

  private uploadModels(): string[] {
    return this.deps.providers
      .all()
      .flatMap((a) => a.models.filter((m) => m.references?.accepts.includes('file')).map((m) => `${a.id}/${m.id}`));
  }
}

function canceledError(job: JobRecord): EaselError {
  const submitted = vendorJobIds(job).length > 0 && job.results.length === 0;
  return new EaselError(
    'CANCELED',
    submitted ? 'Canceled in Easel. The vendor has no cancel call, so it may still finish (and charge for) the job.' : 'Canceled.',
  );
}
