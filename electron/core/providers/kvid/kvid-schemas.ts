// Response shapes of the kvid image API, read tolerantly. Every answer is an envelope
// `{ success, data }`; the document shows only happy answers, so failure fields, numbers sent as
// text and several result spellings are accepted too.
import { z } from 'zod';

/** A number, or a number written as text ("8"). */
const Numeric = z.union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);

/** `{ success, data }`; `data` is read by the schemas below. */
export const KvidEnvelopeSchema = z.object({
  success: z.boolean().optional(),
  data: z.unknown().optional(),
});

/** What a failure may carry: `error` as text or `{ code, message }`, or code/message beside it. */
const ErrorField = z
  .union([
    z.string(),
    z.object({ code: z.string().optional(), message: z.string().optional() }),
    z.null(),
  ])
  .optional();

export const KvidCreateDataSchema = z.union([
  z.object({ job_id: z.string().min(1) }).transform((d) => d.job_id),
  z.object({ jobId: z.string().min(1) }).transform((d) => d.jobId),
  z.object({ id: z.string().min(1) }).transform((d) => d.id),
]);

export const KvidStatusDataSchema = z.object({
  status: z.string().min(1),
  job_id: z.string().optional(),
  progress: Numeric.optional(),
  error: ErrorField,
  error_message: z.string().nullable().optional(),
  message: z.string().nullable().optional(),
});
export type KvidStatusData = z.infer<typeof KvidStatusDataSchema>;

const ResultImageEntry = z.union([
  z.string().min(1).transform((url) => ({ url, width: undefined, height: undefined })),
  z.object({ url: z.string().min(1), width: Numeric.optional(), height: Numeric.optional() }),
]);

export const KvidResultDataSchema = z.object({
  status: z.string().optional(),
  job_id: z.string().optional(),
  result_url: z.string().min(1).nullable().optional(),
  result_urls: z.array(z.string().min(1)).nullable().optional(),
  images: z.array(ResultImageEntry).nullable().optional(),
  width: Numeric.optional(),
  height: Numeric.optional(),
  size: Numeric.optional(),
  type: z.string().optional(),
  used_credit: Numeric.nullable().optional(),
  error: ErrorField,
  error_message: z.string().nullable().optional(),
  message: z.string().nullable().optional(),
});
export type KvidResultData = z.infer<typeof KvidResultDataSchema>;

/** Any error body the document might mean: enveloped, flat, or `error` as plain text. */
export const KvidErrorBodySchema = z.object({
  success: z.boolean().optional(),
  code: z.string().optional(),
  error_code: z.string().optional(),
  message: z.string().optional(),
  error: ErrorField,
  data: z.object({ code: z.string().optional(), message: z.string().optional() }).nullable().optional().catch(undefined),
});
