// Jobs as the renderer sees them. JobView is derived from the stored JobRecord by leaving out
// what the window has no use for and should not hold: the per-task idempotency keys (they decide
// whether the vendor charges twice) and the vendor's result URLs (signed links the page could not
// load under its CSP anyway). Saved pictures gain their library id and easel-media: addresses.
import { z } from 'zod';
import { JobRecordSchema, JobResultSchema, ProviderIdSchema, SavedImageSchema, VendorTaskSchema } from './domain';

/** Job ids are UUIDs; the store accepts this shape and nothing that could name another file. */
export const JobIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'That is not a job id.');
export const JobIdInputSchema = z.strictObject({ jobId: JobIdSchema });

const ParamKeySchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, 'A parameter name is letters, digits, dots, dashes or underscores.');
const ParamValueSchema = z.union([z.string().max(4000), z.number().finite(), z.boolean()]);
const LocalPathSchema = z.string().min(1).max(4096).refine((value) => !value.includes('\0'), 'A file path cannot contain a NUL character.');

export const ReferenceInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('file'), path: LocalPathSchema }),
  z.strictObject({ kind: z.literal('url'), url: z.url({ protocol: /^https?$/ }).max(4096) }),
]);

/**
 * What the Create form sends: GenerationRequest, strict (unknown fields are refused) and bounded
 * (a page cannot make main hold a gigabyte prompt). The model's own limits are checked by the core.
 */
export const SubmitInputSchema = z.strictObject({
  provider: ProviderIdSchema,
  model: z.string().min(1).max(200),
  prompt: z.string().max(20_000),
  negativePrompt: z.string().max(20_000).optional(),
  aspectRatio: z.string().max(32).optional(),
  resolution: z.string().max(32).optional(),
  count: z.number().int().min(1).max(16).optional(),
  seed: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional(),
  references: z.array(ReferenceInputSchema).max(16).optional(),
  params: z
    .record(ParamKeySchema, ParamValueSchema)
    .refine((params) => Object.keys(params).length <= 64, 'At most 64 model parameters.')
    .optional(),
});
export type SubmitInput = z.infer<typeof SubmitInputSchema>;

/**
 * How often the desktop app picks up unfinished jobs that nothing is following (paused by a
 * network outage or a vendor that kept failing). Main runs on it; Activity tells the person.
 */
export const AUTO_RESUME_INTERVAL_MS = 60_000;

export const JobListInputSchema = z
  .strictObject({
    /** Dismissed jobs are hidden from Activity unless asked for. */
    includeDismissed: z.boolean().optional(),
  })
  .optional();

export const TaskViewSchema = VendorTaskSchema.omit({ idempotencyKey: true });

export const SavedImageViewSchema = SavedImageSchema.extend({
  imageId: z.string(),
  /** easel-media: address of the full picture. */
  url: z.string(),
  /** easel-media: address of a 256 px thumbnail. */
  thumbUrl: z.string(),
});
export type SavedImageView = z.infer<typeof SavedImageViewSchema>;

export const JobResultViewSchema = JobResultSchema.omit({ url: true, saved: true }).extend({
  saved: SavedImageViewSchema.optional(),
});

export const JobViewSchema = JobRecordSchema.omit({ schemaVersion: true, tasks: true, results: true }).extend({
  tasks: z.array(TaskViewSchema),
  results: z.array(JobResultViewSchema),
  /** Hidden from Activity by the person (finished jobs only). */
  dismissed: z.boolean(),
  /** Something in this process is driving the job right now. */
  active: z.boolean(),
});
export type JobView = z.infer<typeof JobViewSchema>;
