// Response shapes of revid v1, read tolerantly: the document shows `{ job_id }` and
// `{ status, result }` only. We also accept an `id`/`data` wrapper, a result given as an array
// or as `{ url }` objects, and several spellings of status, because a careful client should.
import { z } from 'zod';

export const RevidCreateSchema = z.union([
  z.object({ job_id: z.string().min(1) }).transform((b) => b.job_id),
  z.object({ id: z.string().min(1) }).transform((b) => b.id),
  z.object({ data: z.object({ job_id: z.string().min(1) }) }).transform((b) => b.data.job_id),
]);

const UrlLike = z.union([z.string(), z.object({ url: z.string() }).transform((o) => o.url)]);

export const RevidStatusSchema = z.object({
  status: z.string(),
  result: z.union([UrlLike, z.array(UrlLike), z.null()]).optional(),
  progress: z.number().optional(),
  // The document shows no failure body; these are the fields a failure most likely carries.
  error: z.union([z.string(), z.object({ message: z.string() }).transform((o) => o.message), z.null()]).optional(),
  message: z.string().nullable().optional(),
});
export type RevidStatus = z.infer<typeof RevidStatusSchema>;
