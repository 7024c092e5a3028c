// Response shapes of the unified v2 API, read tolerantly. The document shows only the create
// answer (202 `{ jobId, status: "QUEUED" }`); the job status answer is not documented at all,
// so its status, progress, error and result are looked for in the places such APIs put them.
import { z } from 'zod';

const Id = z.union([z.string().min(1), z.number().transform(String)]);

export const UnifiedCreateSchema = z.union([
  z.object({ jobId: Id }).transform((b) => b.jobId),
  z.object({ id: Id }).transform((b) => b.id),
  z.object({ job_id: Id }).transform((b) => b.job_id),
  z.object({ data: z.object({ jobId: Id }) }).transform((b) => b.data.jobId),
  z.object({ data: z.object({ id: Id }) }).transform((b) => b.data.id),
]);

const UrlLike = z.union([
  z.string().trim().min(1),
  z.object({ url: z.string().trim().min(1) }).transform((o) => o.url),
  z.object({ imageUrl: z.string().trim().min(1) }).transform((o) => o.imageUrl),
]);

/** One URL, or a list of URLs (strings or `{ url }` objects); entries that are neither are skipped. */
export const UrlListSchema = z.union([
  UrlLike.transform((url) => [url]),
  z.array(z.unknown()).transform((items) => items.flatMap((item) => {
    const parsed = UrlLike.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  })),
]);

const Message = z.union([
  z.string(),
  z.object({ message: z.string() }).transform((o) => o.message),
]);

/** The job answer's envelope; every field but status is optional and never fails the parse. */
export const UnifiedJobSchema = z.looseObject({
  status: z.string().min(1),
  progress: z.number().optional().catch(undefined),
  error: Message.nullable().optional().catch(undefined),
  errorMessage: z.string().nullable().optional().catch(undefined),
  message: z.string().nullable().optional().catch(undefined),
  creditCost: z.number().nullable().optional().catch(undefined),
});
export type UnifiedJob = z.infer<typeof UnifiedJobSchema>;

/** A 400's body: the document says "check details", without their shape. */
export const UnifiedErrorBodySchema = z.looseObject({
  error: Message.optional().catch(undefined),
  message: z.string().optional().catch(undefined),
  details: z.unknown().optional(),
});
