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

/**
 * A reference image the picture was made from, as its record names it. A file is described from
 * the disk as it is now: whether it is still there (a remix sends it again), its type and size
 * when readable, and, when it is itself a picture of this library, that picture's id, prompt and
 * thumbnail. A URL is only named: the window never loads another site's address.
 */
export const PictureReferenceViewSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('file'),
    path: z.string(),
    /** The file's name, for display. */
    name: z.string(),
    onDisk: z.boolean(),
    mime: z.string().optional(),
    bytes: z.number().int().nonnegative().optional(),
    library: z.strictObject({ imageId: z.string(), prompt: z.string(), thumbUrl: z.string() }).optional(),
  }),
  z.strictObject({ kind: z.literal('url'), url: z.string() }),
]);
export type PictureReferenceView = z.infer<typeof PictureReferenceViewSchema>;

export const PictureTimingsViewSchema = z.strictObject({
  /** The vendor accepted the job. */
  submittedAt: z.string().optional(),
  /** The vendor reported it finished. */
  completedAt: z.string().optional(),
  /** The picture was safely in the library. */
  savedAt: z.string(),
});
export type PictureTimingsView = z.infer<typeof PictureTimingsViewSchema>;

/**
 * One picture with its whole generation record (library.get), from the sidecar beside it: what
 * the detail view shows and what Remix sends again. Strict: a field the record holds but the
 * window must not (the vendor's signed result URL) cannot slip through.
 */
export const PictureDetailViewSchema = z.strictObject({
  ...LibraryItemViewSchema.shape,
  resolution: z.string().optional(),
  /** Model-specific parameters as sent. */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  references: z.array(PictureReferenceViewSchema),
  /**
   * Pictures the job asked for. From the job's record while it exists; otherwise the pictures of
   * that job found beside this one, which can undercount but never overcount.
   */
  count: z.number().int().min(1),
  /** Absent when the record beside the picture could not be read. */
  timings: PictureTimingsViewSchema.optional(),
  /** Why the record beside the picture could not be read (then only the index's fields are known). */
  recordProblem: z.string().optional(),
});
export type PictureDetailView = z.infer<typeof PictureDetailViewSchema>;

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
