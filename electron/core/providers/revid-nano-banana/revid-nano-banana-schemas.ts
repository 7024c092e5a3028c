// Response shapes of the revid Nano Banana API, read tolerantly. The document shows one example
// of each answer; a careful client also accepts the envelope's `code` as a numeric string,
// null for any field "available when" something, `resultJson` already parsed (an object), and
// the task id spelled `task_id`, because the same vendor family uses both spellings.
import { z } from 'zod';

/** `code` of the envelope: 200 means success, anything else is an HTTP-like status. */
const CodeSchema = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

/** Every answer is wrapped in `{ code, msg, data }`. */
export const EnvelopeSchema = z.object({
  code: CodeSchema.optional(),
  msg: z.string().nullish(),
  message: z.string().nullish(),
});

const TaskIdSchema = z.union([z.string().min(1), z.number().transform(String)]);

export const CreateDataSchema = z.union([
  z.object({ taskId: TaskIdSchema }).transform((d) => d.taskId),
  z.object({ task_id: TaskIdSchema }).transform((d) => d.task_id),
]);

export const CreateAnswerSchema = z.object({ data: CreateDataSchema });

const Nullish = <T extends z.ZodTypeAny>(schema: T) => schema.nullish();

export const TaskDataSchema = z.object({
  taskId: z.string().nullish(),
  model: z.string().nullish(),
  state: z.string(),
  param: z.unknown().optional(),
  /** A JSON string per the document (`{"resultUrls":[...]}`); tolerated as an object too. */
  resultJson: Nullish(z.union([z.string(), z.record(z.string(), z.unknown())])),
  failCode: Nullish(z.union([z.string(), z.number().transform(String)])),
  failMsg: z.string().nullish(),
  costTime: z.number().nullish(),
  completeTime: z.number().nullish(),
  createTime: z.number().nullish(),
  /** Not documented; read when present (0–1 or 0–100). */
  progress: z.number().nullish(),
});
export type TaskData = z.infer<typeof TaskDataSchema>;

export const TaskAnswerSchema = z.object({ data: TaskDataSchema });

/** Inside resultJson: image tasks carry `resultUrls`; a bare string or `{ url }` is tolerated. */
const UrlLike = z.union([z.string().min(1), z.object({ url: z.string().min(1) }).transform((o) => o.url)]);
export const ResultJsonSchema = z.object({
  resultUrls: z.union([z.array(UrlLike), UrlLike.transform((u) => [u])]).nullish(),
});
