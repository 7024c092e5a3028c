// The model catalog: what each model accepts. Validation and (later) the UI form are generated
// from it, so a person can never build a request the vendor would reject.
import { z } from 'zod';
import { ProviderIdSchema } from './domain';

export const ParamSpecSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('enum'), key: z.string(), label: z.string(), options: z.array(z.string()), default: z.string().optional(), help: z.string().optional() }),
  z.object({ type: z.literal('boolean'), key: z.string(), label: z.string(), default: z.boolean().optional(), help: z.string().optional() }),
  z.object({ type: z.literal('number'), key: z.string(), label: z.string(), min: z.number().optional(), max: z.number().optional(), step: z.number().optional(), options: z.array(z.number()).optional(), default: z.number().optional(), help: z.string().optional() }),
  z.object({ type: z.literal('string'), key: z.string(), label: z.string(), maxLength: z.number().optional(), help: z.string().optional() }),
]);
export type ParamSpec = z.infer<typeof ParamSpecSchema>;

export const ReferenceLimitsSchema = z.object({
  max: z.number().int(),
  /** 'file' = a local file is uploaded; 'url' = only public URLs are accepted by the API. */
  accepts: z.array(z.enum(['file', 'url'])),
  mimeTypes: z.array(z.string()),
  maxBytes: z.number().int().optional(),
  /** True when the model cannot run without a reference (edit-only models). */
  required: z.boolean().default(false),
});
export type ReferenceLimits = z.infer<typeof ReferenceLimitsSchema>;

export const ModelInfoSchema = z.object({
  id: z.string(),
  label: z.string(),
  description: z.string(),
  capabilities: z.array(z.enum(['text-to-image', 'image-to-image'])),
  promptMaxLength: z.number().int().optional(),
  negativePrompt: z.boolean().default(false),
  aspectRatios: z.array(z.string()).default([]),
  resolutions: z.array(z.string()).default([]),
  counts: z.array(z.number().int()).default([1]),
  /**
   * 'native': the API makes `count` images in one job (gpt4o nVariants, kvid num_images).
   * 'separate-jobs': the API has no count field, so Easel submits one vendor job per image,
   * each charged separately; the catalog says so, and so does the UI.
   */
  countMode: z.enum(['native', 'separate-jobs']).default('native'),
  seed: z.boolean().default(false),
  references: ReferenceLimitsSchema.optional(),
  params: z.array(ParamSpecSchema).default([]),
  /**
   * True where the vendor documents per-model options without listing them (unified): any
   * `key=value` passes through, numbers and booleans typed from their text.
   */
  openParams: z.boolean().default(false),
  /** Credits per image as the vendor document states; a function of resolution where it varies. */
  /** `credits` per image where the document states it; absent where the vendor reports cost per job. */
  price: z.object({ credits: z.number().optional(), byResolution: z.record(z.string(), z.number()).optional(), note: z.string().optional() }).optional(),
  typicalSeconds: z.number(),
});
export type ModelInfo = z.infer<typeof ModelInfoSchema>;

export const ProviderInfoSchema = z.object({
  id: ProviderIdSchema,
  label: z.string(),
  keyEnv: z.string().nullable(),
  baseUrl: z.string().nullable(),
  models: z.array(ModelInfoSchema),
});
export type ProviderInfo = z.infer<typeof ProviderInfoSchema>;
export type ModelInfoInput = z.input<typeof ModelInfoSchema>;

/** Adapters declare their models in input form; parsing fills defaults and rejects typos at load. */
export function defineModels(models: readonly ModelInfoInput[]): readonly ModelInfo[] {
  return models.map((m) => ModelInfoSchema.parse(m));
}
