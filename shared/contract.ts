// The one contract between the window and everything else. Each channel has a zod input schema
// (what main accepts, parsed after the sender check and before any work) and an output schema
// (what main returns, parsed again on the way out so nothing unplanned, like a key, can leak).
// Events are what main pushes to the window. Main registers handlers from this map, the preload
// builds window.easel from the same names, and the browser test harness binds the same handlers.
import { z } from 'zod';
import { ProviderInfoSchema } from './catalog';
import type { ChannelName, EventName } from './contract-channels';
import { JobIdInputSchema, JobListInputSchema, JobViewSchema, SubmitInputSchema } from './contract-jobs';
import { KeyAccountSchema, ApiKeyInputSchema, KeysStatusSchema, KeyStatusSchema, KeyTestResultSchema } from './contract-keys';
import {
  FavoriteInputSchema,
  ImageIdInputSchema,
  LibraryChangeSchema,
  LibraryItemViewSchema,
  LibraryPageSchema,
  LibraryQueryInputSchema,
  PictureDetailViewSchema,
  ReindexResultSchema,
  TrashInputSchema,
  TrashResultSchema,
} from './contract-library';
import { SettingsPatchSchema, SettingsViewSchema } from './contract-settings';

export * from './contract-channels';

/** A pasted picture arrives as base64: 30 MB of image, the largest any vendor accepts, is 40 MB of text. */
export const STAGED_REFERENCE_MAX_BYTES = 30 * 1024 * 1024;
const STAGED_REFERENCE_MAX_BASE64 = Math.ceil(STAGED_REFERENCE_MAX_BYTES / 3) * 4;
/**
 * The first bytes of PNG, JPEG, GIF and WebP (RIFF) files, as base64. A shape check only, so
 * that junk is refused before main decodes megabytes of it; the handler sniffs the real bytes.
 */
const IMAGE_BASE64_START = /^(?:iVBORw0KGgo|\/9j\/|R0lGOD[dl]h|UklGR)/;

export const StageReferenceInputSchema = z.strictObject({
  /** The pasted file's name, for display only: the stored file is named by its content. */
  name: z.string().min(1).max(255),
  data: z
    .string()
    .min(8)
    .max(STAGED_REFERENCE_MAX_BASE64, 'The pasted picture is larger than 30 MB.')
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'The pasted picture is not base64 data.')
    .regex(IMAGE_BASE64_START, 'The pasted data is not a PNG, JPEG, WebP or GIF picture.'),
});

export const StagedReferenceSchema = z.strictObject({
  /** Where the bytes now are: a local file the Create form sends as a file reference. */
  path: z.string(),
  name: z.string(),
  bytes: z.number().int().nonnegative(),
  mime: z.string(),
});
export type StagedReference = z.infer<typeof StagedReferenceSchema>;

/** For channels that take nothing. */
const NoInput = z.undefined();
/** For channels whose only answer is "done". */
const Done = z.null();

export const ProviderViewSchema = ProviderInfoSchema.extend({
  /** The key account this provider uses; null for the sandbox. */
  keyAccount: KeyAccountSchema.nullable(),
  keyPresent: z.boolean(),
  /** Where `baseUrl` came from. */
  baseUrlSource: z.enum(['settings', 'env', 'default', 'builtin', 'none']),
});
export type ProviderView = z.infer<typeof ProviderViewSchema>;

export interface ChannelSpec {
  readonly input: z.ZodType;
  readonly output: z.ZodType;
}

export const contract = {
  'providers.catalog': { input: NoInput, output: z.array(ProviderViewSchema) },

  'jobs.submit': { input: SubmitInputSchema, output: JobViewSchema },
  'jobs.list': { input: JobListInputSchema, output: z.array(JobViewSchema) },
  'jobs.get': { input: JobIdInputSchema, output: JobViewSchema.nullable() },
  'jobs.cancel': { input: JobIdInputSchema, output: JobViewSchema },
  /** Answers with the job that now follows the request: the same one reopened, or a new one. */
  'jobs.retry': { input: JobIdInputSchema, output: JobViewSchema },
  'jobs.dismiss': { input: JobIdInputSchema, output: JobViewSchema },

  'library.query': { input: LibraryQueryInputSchema, output: LibraryPageSchema },
  /** One picture with its whole generation record: parameters, references, resolution, timings. */
  'library.get': { input: ImageIdInputSchema, output: PictureDetailViewSchema.nullable() },
  'library.favorite': { input: FavoriteInputSchema, output: LibraryItemViewSchema },
  /** To the OS trash, picture and sidecar; never deleted outright. */
  'library.trash': { input: TrashInputSchema, output: TrashResultSchema },
  'library.reveal': { input: ImageIdInputSchema, output: Done },
  'library.copyImage': { input: ImageIdInputSchema, output: Done },
  /** Call from a dragstart handler (after preventDefault); main starts the OS drag with the real file. */
  'library.startDrag': { input: ImageIdInputSchema, output: Done },
  'library.reindex': { input: NoInput, output: ReindexResultSchema },

  'settings.get': { input: NoInput, output: SettingsViewSchema },
  /** Changing a base URL for an account with a key, or accepting basic_text, asks in a native dialog first. */
  'settings.set': { input: SettingsPatchSchema, output: SettingsViewSchema },
  /** Opens the OS folder picker; the chosen folder is the library from the next start. */
  'settings.chooseLibraryDir': { input: NoInput, output: SettingsViewSchema },

  'keys.status': { input: NoInput, output: KeysStatusSchema },
  /** Write-only: the answer says the key is present and its last four characters, nothing more. */
  'keys.set': { input: z.strictObject({ account: KeyAccountSchema, key: ApiKeyInputSchema }), output: KeyStatusSchema },
  'keys.remove': { input: z.strictObject({ account: KeyAccountSchema }), output: KeyStatusSchema },
  'keys.test': { input: z.strictObject({ account: KeyAccountSchema }), output: KeyTestResultSchema },

  /** A picture pasted from the clipboard has no file; this keeps its bytes as one, for references. */
  'references.stage': { input: StageReferenceInputSchema, output: StagedReferenceSchema },
} as const satisfies { readonly [C in ChannelName]: ChannelSpec };

export type Contract = typeof contract;

export const MENU_COMMANDS = ['new-generation', 'open-settings', 'show-activity', 'show-library', 'focus-search'] as const;
export const MenuCommandSchema = z.enum(MENU_COMMANDS);
export type MenuCommand = z.infer<typeof MenuCommandSchema>;

export const events = {
  'jobs.changed': JobViewSchema,
  'library.changed': LibraryChangeSchema,
  /** The person clicked a "job finished" notification; the window should show that picture or job. */
  'notification.clicked': z.strictObject({ jobId: z.string(), imageId: z.string().nullable() }),
  /** A menu item or its shortcut: the window navigates. */
  'menu.command': z.strictObject({ command: MenuCommandSchema }),
  'settings.changed': SettingsViewSchema,
} as const satisfies { readonly [E in EventName]: z.ZodType };

export type Events = typeof events;

/** What the renderer passes. */
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
/** What a handler receives: the input after parsing (defaults filled, strings trimmed). */
export type ChannelParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
/** What a handler returns, before the output schema strips and checks it. */
export type ChannelResult<C extends ChannelName> = z.input<Contract[C]['output']>;
/** What the renderer receives. */
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

/** One async function per channel: what main registers and the browser harness binds. */
export type EaselHandlers = { readonly [C in ChannelName]: (input: ChannelParsedInput<C>) => Promise<ChannelResult<C>> };

type NamespaceOf<C extends string> = C extends `${infer N}.${string}` ? N : never;
type MethodOf<C extends string> = C extends `${string}.${infer M}` ? M : never;
type Call<C extends ChannelName> = undefined extends ChannelInput<C>
  ? (input?: ChannelInput<C>) => Promise<ChannelOutput<C>>
  : (input: ChannelInput<C>) => Promise<ChannelOutput<C>>;

/** window.easel's calls: `easel.jobs.submit(input)` for channel `jobs.submit`. */
export type EaselChannelApi = {
  readonly [N in NamespaceOf<ChannelName>]: { readonly [C in Extract<ChannelName, `${N}.${string}`> as MethodOf<C>]: Call<C> };
};

export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void;

/** Everything the preload exposes as window.easel. */
export type EaselApi = EaselChannelApi & {
  readonly version: string;
  /** Subscribes to an event from main; call the returned function to unsubscribe. */
  on<E extends EventName>(event: E, listener: EventListener<E>): () => void;
  readonly files: {
    /** The path of a file dropped on the page (reference images); '' for files that are not on disk. */
    pathFor(file: File): string;
  };
};

/** A channel's answer on the wire, for hosts that check what they send. */
export function bridgeResultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.strictObject({ ok: z.literal(true), value }),
    z.strictObject({ ok: z.literal(false), error: z.strictObject({ code: z.string(), message: z.string() }) }),
  ]);
}
