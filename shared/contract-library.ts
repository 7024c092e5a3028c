// Library pictures as the renderer sees them, and the filters it may ask for. Every action on a
// picture (trash, reveal, copy, drag) names it by id, never by path: main looks the path up in
// the library, so a page can never point the shell at a file outside it.
import { z } from 'zod';
import { ProviderIdSchema } from './domain';

export const ImageIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'That is not a picture id.');
export const ImageIdInputSchema = z.strictObject({ imageId: ImageIdSchema });

const DateBoundSchema = z.string().max(40);

export const LibraryQueryInputSchema = z
  .strictObject({
    /** Words from the prompt; the last word matches as a prefix. */
    text: z.string().max(500).optional(),
    provider: ProviderIdSchema.optional(),
    model: z.string().max(200).optional(),
    favorite: z.boolean().optional(),
    /** ISO 8601 date or time, inclusive. */
    from: DateBoundSchema.optional(),
    to: DateBoundSchema.optional(),
    limit: z.number().int().min(1).max(500).optional(),
    offset: z.number().int().min(0).max(1_000_000_000).optional(),
  })
  .optional();
export type LibraryQueryInput = z.infer<typeof LibraryQueryInputSchema>;

export const LibraryItemViewSchema = z.object({
  imageId: z.string(),
  path: z.string(),
  jobId: z.string(),
  index: z.number().int(),
  provider: ProviderIdSchema,
  model: z.string(),
  prompt: z.string(),
  negativePrompt: z.string().optional(),
  createdAt: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  sha256: z.string(),
  mime: z.string(),
  favorite: z.boolean(),
  aspectRatio: z.string().optional(),
  seed: z.number().int().optional(),
  costCredits: z.number().optional(),
  /** easel-media: address of the full picture. */
  url: z.string(),
  /** easel-media: address of a 256 px thumbnail (512 px: replace /256/ with /512/). */
  thumbUrl: z.string(),
});
export type LibraryItemView = z.infer<typeof LibraryItemViewSchema>;

export const LibraryPageSchema = z.strictObject({
  items: z.array(LibraryItemViewSchema),
  /** Pictures matching the filters, ignoring limit and offset. */
  total: z.number().int().nonnegative(),
});
export type LibraryPage = z.infer<typeof LibraryPageSchema>;

export const FavoriteInputSchema = z.strictObject({ imageId: ImageIdSchema, favorite: z.boolean() });

export const TrashInputSchema = z.strictObject({ imageIds: z.array(ImageIdSchema).min(1).max(500) });
export const TrashResultSchema = z.strictObject({
  /** Moved to the OS trash (picture and its sidecar). */
  trashed: z.array(z.string()),
  failed: z.array(z.strictObject({ imageId: z.string(), message: z.string() })),
});

export const ReindexResultSchema = z.strictObject({
  indexed: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
});

export const LibraryChangeSchema = z.strictObject({
  reason: z.enum(['added', 'updated', 'removed', 'reindexed']),
  imageIds: z.array(z.string()),
});
export type LibraryChange = z.infer<typeof LibraryChangeSchema>;
