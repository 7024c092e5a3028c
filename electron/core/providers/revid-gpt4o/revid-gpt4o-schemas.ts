// Response shapes of the revid 4o Image API, read tolerantly. The document shows one envelope,
// `{ code, msg, data }`, for both calls. We also accept a `code` sent as a numeric string, a
// missing `code` when `data` is plainly there, `progress` as a number or a string ("0.48"),
// `response.resultUrls` as strings or `{ url }` objects, and times as epoch ms or text.
import { z } from 'zod';

/** The envelope's `code`, as a number; a body with no code is read as 200 when data is there. */
const BodyCode = z.union([z.number().int(), z.string().regex(/^\d{3}$/).transform(Number)]);

export const Gpt4oEnvelopeSchema = z.object({
  code: BodyCode.optional(),
  msg: z.string().nullable().optional(),
  data: z.unknown().optional(),
});
export type Gpt4oEnvelope = z.infer<typeof Gpt4oEnvelopeSchema>;

export const Gpt4oCreateDataSchema = z.object({
  taskId: z.union([z.string().min(1), z.number().transform(String)]),
});

const UrlLike = z.union([z.string().min(1), z.object({ url: z.string().min(1) }).transform((o) => o.url)]);

/** "0.00".."1.00" per the document; a number is accepted, and 0–100 is read as a percentage. */
const Progress = z
  .union([z.number(), z.string().regex(/^\s*\d+(\.\d+)?\s*$/).transform(Number)])
  .transform((n) => Math.min(1, Math.max(0, n > 1 ? n / 100 : n)));

export const Gpt4oTaskSchema = z.object({
  taskId: z.union([z.string(), z.number().transform(String)]).optional(),
  status: z.string().nullable().optional(),
  /** kie.ai-style flag: 0 generating, 1 success, 2/3 failed. Read only when `status` is absent. */
  successFlag: z.number().int().nullable().optional(),
  progress: z.union([Progress, z.null(), z.literal('')]).optional(),
  response: z
    .object({
      resultUrls: z.array(UrlLike).nullable().optional(),
      // Seen spelled both ways in the wild; harmless to read.
      result_urls: z.array(UrlLike).nullable().optional(),
    })
    .nullable()
    .optional(),
  errorCode: z.union([z.number(), z.string()]).nullable().optional(),
  errorMessage: z.string().nullable().optional(),
});
export type Gpt4oTask = z.infer<typeof Gpt4oTaskSchema>;
