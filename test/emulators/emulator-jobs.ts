// The job bookkeeping every vendor emulator shares: making jobs, the clock that carries a job from
// queued through running to done, failures a test scripts ahead of time, and lookups by id. What
// vendors differ in (their state names, id formats, what a poll answers) stays in each emulator;
// this holds only the mechanics, so a fix to the clock or to scripted failures reaches all five.

/** What every job record holds, whatever else its vendor keeps beside it. */
export interface JobStamp<Failure> {
  id: string;
  /** The key that created it: other keys must not see it (each vendor says so its own way). */
  apiKey: string;
  createdAt: number;
  /** From this time on the job is done: succeeded, or failed when a failure was scripted. */
  readyAt: number;
  /** The scripted failure this job ends in; absent, it succeeds. */
  failure?: Failure;
}

/** Where a job is on the clock, before a vendor names the state. */
export type JobPhase = 'queued' | 'running' | 'succeeded' | 'failed';

export interface JobStoreOptions {
  /** Time from create until the job is done. */
  durationMs: number;
  /** Time from create during which the job reads queued; 0 (the default) = never queued. */
  queuedMs?: number;
  /** A new job id in the vendor's format; some vendors put the creation time in it. */
  newId: (createdAt: number) => string;
}

export class JobStore<Failure, Job extends JobStamp<Failure>> {
  readonly durationMs: number;
  private readonly queuedMs: number;
  private readonly newId: (createdAt: number) => string;
  /** Insertion order is creation order, which is the order tests list jobs in. */
  private readonly byId = new Map<string, Job>();
  private readonly scripted: Failure[] = [];

  constructor(options: JobStoreOptions) {
    this.durationMs = options.durationMs;
    this.queuedMs = options.queuedMs ?? 0;
    this.newId = options.newId;
  }

  /** Jobs created: creates that passed every check (one whose answer was dropped still counts). */
  get count(): number {
    return this.byId.size;
  }

  /** Every job, oldest first. */
  list(): Job[] {
    return [...this.byId.values()];
  }

  /** The next `count` jobs created end in `failure` instead of a picture. */
  failNext(count: number, failure: Failure): void {
    for (let i = 0; i < count; i++) this.scripted.push(failure);
  }

  /**
   * Stamps and keeps a new job; `build` adds the vendor's own fields to the stamp. Call it only
   * once every check has passed, since it takes the next scripted failure.
   */
  create(apiKey: string, build: (stamp: JobStamp<Failure>) => Job): Job {
    const now = Date.now();
    const stamp: JobStamp<Failure> = { id: this.newId(now), apiKey, createdAt: now, readyAt: now + this.durationMs };
    const failure = this.scripted.shift();
    if (failure !== undefined) stamp.failure = failure;
    const job = build(stamp);
    this.byId.set(job.id, job);
    return job;
  }

  get(id: string): Job | undefined {
    return this.byId.get(id);
  }

  /** The job when it exists and `apiKey` created it: for vendors that answer another key's job as unknown. */
  ownedBy(id: string, apiKey: string): Job | undefined {
    const job = this.byId.get(id);
    return job?.apiKey === apiKey ? job : undefined;
  }

  phaseOf(job: Job): JobPhase {
    const now = Date.now();
    if (now >= job.readyAt) return job.failure === undefined ? 'succeeded' : 'failed';
    return now < job.createdAt + this.queuedMs ? 'queued' : 'running';
  }

  /** Share of the duration gone by: 0 at create, 1 when due (more after); for progress fields. */
  elapsed(job: Job): number {
    return (Date.now() - job.createdAt) / Math.max(1, this.durationMs);
  }
}

/**
 * A job's pictures are rendered once, on the first poll that sees it done, and kept on the job;
 * concurrent polls share the one promise, so they all answer the same files.
 */
export function renderOnce<Result>(job: { rendering?: Promise<Result> }, render: () => Promise<Result>): Promise<Result> {
  job.rendering ??= render();
  return job.rendering;
}
