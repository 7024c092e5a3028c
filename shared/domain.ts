// Domain types shared by core, CLI, main, preload and renderer. zod schemas are the source of
// truth so that anything crossing a process boundary (IPC, files on disk, CLI JSON) is parsed,
// not trusted.
import { z } from 'zod';

export const PROVIDER_IDS = ['revid', 'revid-gpt4o', 'revid-nano-banana', 'kvid', 'unified', 'sandbox'] as const;
export const ProviderIdSchema = z.enum(PROVIDER_IDS);
export type ProviderId = z.infer<typeof ProviderIdSchema>;

export const JOB_STATES = [
  'draft',
  'submitting',
  'running',
  'downloading',
  'completed',
  'failed',
  'expired',
  'canceled',
] as const;
export const JobStateSchema = z.enum(JOB_STATES);
export type JobState = z.infer<typeof JobStateSchema>;

/** States a job never leaves on its own. */
export const FINAL_STATES: ReadonlySet<JobState> = new Set(['completed', 'failed', 'expired', 'canceled']);

export const ErrorInfoSchema = z.object({
  code: z.string(),
  message: z.string(),
  /** Extra detail for "show details": vendor status, raw vendor message. Never contains a key. */
  detail: z.string().optional(),
});
export type ErrorInfo = z.infer<typeof ErrorInfoSchema>;

/** A reference image as the person gave it: a local file or a URL. */
export const ReferenceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), path: z.string().min(1) }),
  z.object({ kind: z.literal('url'), url: z.string().url() }),
]);
export type Reference = z.infer<typeof ReferenceSchema>;

/** What the person asks for, vendor-neutral. Adapters translate it. */
export const GenerationRequestSchema = z.object({
  provider: ProviderIdSchema,
  model: z.string().min(1),
  prompt: z.string(),
  negativePrompt: z.string().optional(),
  aspectRatio: z.string().optional(),
  resolution: z.string().optional(),
  count: z.number().int().min(1).default(1),
  seed: z.number().int().nonnegative().optional(),
  references: z.array(ReferenceSchema).default([]),
  /** Model-specific extras (`--param key=value`), already typed by the catalog. */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
});
export type GenerationRequest = z.infer<typeof GenerationRequestSchema>;
export type GenerationRequestInput = z.input<typeof GenerationRequestSchema>;

export const SavedImageSchema = z.object({
  path: z.string(),
  sidecarPath: z.string(),
  sha256: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  mime: z.string(),
});
export type SavedImage = z.infer<typeof SavedImageSchema>;

/**
 * One create request at the vendor. A job has one task, or one per image when the API has no
 * count field (countMode 'separate-jobs'). Each task has its own idempotency key, kept across
 * retries of that create, and its vendor id is persisted the moment it is known.
 */
export const VendorTaskSchema = z.object({
  index: z.number().int(),
  idempotencyKey: z.string(),
  /** `unknown`: the connection dropped while creating; never resent without idempotency. */
  status: z.enum(['pending', 'submitting', 'running', 'succeeded', 'failed', 'unknown']),
  /** Create requests put on the wire for this task (audits "never charged twice"). */
  createAttempts: z.number().int().default(0),
  vendorJobId: z.string().optional(),
  submittedAt: z.string().optional(),
  progress: z.number().min(0).max(1).optional(),
  error: ErrorInfoSchema.optional(),
});
export type VendorTask = z.infer<typeof VendorTaskSchema>;

/** A result the vendor announced; `saved` is set once the bytes are safely in the library. */
export const JobResultSchema = z.object({
  index: z.number().int(),
  taskIndex: z.number().int().default(0),
  url: z.string(),
  width: z.number().int().optional(),
  height: z.number().int().optional(),
  saved: SavedImageSchema.optional(),
  downloadAttempts: z.number().int().default(0),
  lastError: ErrorInfoSchema.optional(),
});
export type JobResult = z.infer<typeof JobResultSchema>;

export const JobRecordSchema = z.object({
  schemaVersion: z.literal(1),
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  state: JobStateSchema,
  request: GenerationRequestSchema,
  tasks: z.array(VendorTaskSchema).min(1),
  submittedAt: z.string().optional(),
  vendorCompletedAt: z.string().optional(),
  /** When the vendor deletes the results (about 14 days after completion). */
  resultsExpireAt: z.string().optional(),
  progress: z.number().min(0).max(1).optional(),
  results: z.array(JobResultSchema).default([]),
  costCredits: z.number().optional(),
  error: ErrorInfoSchema.optional(),
  /** Last transient problem, kept while the job goes on (shown as a warning, not a failure). */
  warning: ErrorInfoSchema.optional(),
  /** Vendor payload of a response Easel could not understand, saved for diagnosis. */
  diagnosticPath: z.string().optional(),
  finishedAt: z.string().optional(),
});
export type JobRecord = z.infer<typeof JobRecordSchema>;

/** The generation record written beside each picture (the library's source of truth). */
export const SidecarSchema = z.object({
  schemaVersion: z.literal(1),
  imageId: z.string(),
  jobId: z.string(),
  index: z.number().int(),
  file: z.string(),
  createdAt: z.string(),
  provider: ProviderIdSchema,
  model: z.string(),
  prompt: z.string(),
  negativePrompt: z.string().optional(),
  aspectRatio: z.string().optional(),
  resolution: z.string().optional(),
  seed: z.number().int().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  references: z.array(ReferenceSchema).default([]),
  vendorJobId: z.string().optional(),
  vendorUrl: z.string(),
  vendorUrlExpiresAt: z.string().optional(),
  costCredits: z.number().optional(),
  timings: z.object({ submittedAt: z.string().optional(), completedAt: z.string().optional(), savedAt: z.string() }),
  sha256: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  mime: z.string(),
  favorite: z.boolean().default(false),
});
export type Sidecar = z.infer<typeof SidecarSchema>;

/** What the CLI prints for a job with --json (its contract is in the README). */
export interface JobSummary {
  id: string;
  provider: ProviderId;
  model: string;
  state: JobState;
  /** The vendor's id for the job (the first, when one image per vendor job was needed). */
  vendorJobId: string | null;
  vendorJobIds: string[];
  images: { path: string; sha256: string; width: number; height: number }[];
  error: { code: string; message: string } | null;
}

export function summarizeJob(job: JobRecord): JobSummary {
  return {
    id: job.id,
    provider: job.request.provider,
    model: job.request.model,
    state: job.state,
    vendorJobId: vendorJobIds(job)[0] ?? null,
    vendorJobIds: vendorJobIds(job),
    images: job.results
      .filter((r) => r.saved)
      .map((r) => ({ path: r.saved!.path, sha256: r.saved!.sha256, width: r.saved!.width, height: r.saved!.height })),
    error: job.error ? { code: job.error.code, message: job.error.message } : null,
  };
}

export function vendorJobIds(job: JobRecord): string[] {
  return job.tasks.flatMap((t) => (t.vendorJobId ? [t.vendorJobId] : []));
}
