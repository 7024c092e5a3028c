// What every phase of a running job can use. Phases are plain async functions so each can be
// read (and tested) on its own; the runner wires them together.
import type { JobRecord } from '../../../shared/domain';
import type { ModelInfo } from '../../../shared/catalog';
import type { EaselError } from '../errors/easel-error';
import type { HttpClient } from '../http/http-client';
import type { AdapterContext, ProviderAdapter } from '../providers/provider-adapter';
import type { RequestBudgets } from './request-budget';
import type { TimingPolicy } from './timing-policy';

/** The part of the library the runner writes to. */
export interface LibraryWriter {
  targetFor(job: JobRecord, index: number, ext: string): { path: string; sidecarPath: string; imageId: string };
  add(sidecar: import('../../../shared/domain').Sidecar): Promise<void>;
}

export interface PhaseContext {
  adapter: ProviderAdapter;
  model: ModelInfo;
  ctx: AdapterContext;
  http: HttpClient;
  budgets: RequestBudgets;
  timing: TimingPolicy;
  library: LibraryWriter;
  signal: AbortSignal;
  /** Writes a vendor answer Easel could not understand beside the job; returns its path. */
  saveDiagnostic(job: JobRecord, text: string): Promise<string>;
  /** Persists a change to the job and tells listeners; returns the saved record. */
  update(job: JobRecord, patch: Partial<JobRecord>): Promise<JobRecord>;
}

/**
 * Thrown when a job cannot progress right now (the network keeps failing, a vendor keeps
 * answering 5xx). The job stays in its state on disk with a warning and resumes later.
 */
export class JobPaused extends Error {
  constructor(readonly job: JobRecord, readonly reason: EaselError) {
    super(reason.message);
    this.name = 'JobPaused';
  }
}
