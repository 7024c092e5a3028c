// The person's settings: one schema for the file on disk, the IPC payloads and the form. Parsing
// fills defaults, so a settings file from an older version (or none) reads as a complete object.
import { z } from 'zod';

/** Providers whose address a person may change (the sandbox lives in process). */
export const CONFIGURABLE_PROVIDERS = ['revid', 'revid-gpt4o', 'revid-nano-banana', 'kvid', 'unified'] as const;
export const ConfigurableProviderSchema = z.enum(CONFIGURABLE_PROVIDERS);

/**
 * A vendor base URL: http or https only (a file: or javascript: URL is never an API), and no
 * user:password part, since settings are shown in the window and keys belong in the keychain.
 */
export const BaseUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'A base URL starts with https:// (or http:// for a local proxy or emulator).')
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.username === '' && url.password === '';
    } catch {
      return true;
    }
  }, 'A base URL cannot carry a user name or password; put the key in Settings → API keys.');

/** An absolute folder path on any OS Easel runs on (checked without node:path: the renderer uses this too). */
export const FolderPathSchema = z
  .string()
  .max(4096)
  .refine((value) => !value.includes('\0'), 'A folder path cannot contain a NUL character.')
  .refine((value) => /^(\/|[A-Za-z]:[\\/]|\\\\[^\\])/.test(value), 'Choose a full folder path (starting with / or a drive letter).');

export const ThemeSchema = z.enum(['system', 'light', 'dark']);

export const SettingsSchema = z.object({
  theme: ThemeSchema.default('system'),
  /** null: the default folder (Pictures/Easel). Takes effect at the next start. */
  libraryDir: FolderPathSchema.nullable().default(null),
  /** Overrides of each provider's base URL; absent means env EASEL_<ID>_BASE_URL, then the vendor's default. */
  baseUrls: z.partialRecord(ConfigurableProviderSchema, BaseUrlSchema).default({}),
  notifications: z
    .object({
      enabled: z.boolean().default(true),
      /** Only when Easel's window is not focused (the window already shows the result otherwise). */
      onlyWhenUnfocused: z.boolean().default(true),
    })
    .default({ enabled: true, onlyWhenUnfocused: true }),
  keyStorage: z
    .object({
      /** The person accepted Linux's basic_text storage after the warning. */
      allowBasicText: z.boolean().default(false),
    })
    .default({ allowBasicText: false }),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** A change to some settings, as main applies it. `null` for a base URL removes the override. */
export const SettingsChangeSchema = z.strictObject({
  theme: ThemeSchema.optional(),
  libraryDir: FolderPathSchema.nullable().optional(),
  baseUrls: z.partialRecord(ConfigurableProviderSchema, BaseUrlSchema.nullable()).optional(),
  notifications: z.strictObject({ enabled: z.boolean().optional(), onlyWhenUnfocused: z.boolean().optional() }).optional(),
  keyStorage: z.strictObject({ allowBasicText: z.boolean().optional() }).optional(),
});
export type SettingsChange = z.infer<typeof SettingsChangeSchema>;

/**
 * A change the window may ask for. The library folder can only be reset to the default here: a
 * new folder is chosen in the OS folder picker (settings.chooseLibraryDir), because the folder
 * is also what easel-media: may serve, and a page must not be able to widen that to the disk.
 */
export const SettingsPatchSchema = SettingsChangeSchema.extend({ libraryDir: z.null().optional() });
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const SettingsViewSchema = z.strictObject({
  settings: SettingsSchema,
  /** The library folder this session uses (a changed folder takes effect at the next start). */
  libraryDirInUse: z.string(),
  /** The folder used when `libraryDir` is null. */
  defaultLibraryDir: z.string(),
  restartRequired: z.boolean(),
});
export type SettingsView = z.infer<typeof SettingsViewSchema>;
