// The person's settings, in <dataDir>/settings.json (through `conf`: atomic writes, created on
// first save). Reads are served from memory: this process is the file's only writer, and base
// URLs are read on every vendor request. A hand-edited file with one bad field loses that field
// (it reads as its default), not the whole file.
import Conf from 'conf';
import { SettingsChangeSchema, SettingsSchema, type Settings, type SettingsChange } from '../../../shared/contract-settings';
import { invalidInput } from '../errors/easel-error';

export interface SettingsStore {
  /** Absolute path of the settings file. */
  readonly path: string;
  get(): Settings;
  /** Applies a validated change, saves it, tells listeners; returns the new settings. */
  update(change: SettingsChange): Settings;
  onChange(listener: (settings: Settings) => void): () => void;
}

export interface SettingsStoreOptions {
  dataDir: string;
  /** File name without extension; 'settings' unless a test wants another. */
  name?: string;
}

export function createSettingsStore(options: SettingsStoreOptions): SettingsStore {
  const conf = new Conf<Record<string, unknown>>({
    cwd: options.dataDir,
    configName: options.name ?? 'settings',
    // Provider ids contain dashes and URLs contain dots: keys are plain keys, not paths.
    accessPropertiesByDotNotation: false,
    // A file that is not JSON at all reads as empty (defaults) instead of stopping the app.
    clearInvalidConfig: true,
  });
  let current = readTolerantly(conf.store);
  const listeners = new Set<(settings: Settings) => void>();

  return {
    path: conf.path,
    get: () => current,
    update(change) {
      const parsed = SettingsChangeSchema.safeParse(change);
      if (!parsed.success) {
        throw invalidInput(`These settings are not valid: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'settings'}: ${i.message}`).join('; ')}.`);
      }
      const next = SettingsSchema.parse(applyPatch(current, parsed.data));
      conf.store = next as unknown as Record<string, unknown>;
      current = next;
      for (const listener of listeners) listener(next);
      return next;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function applyPatch(settings: Settings, patch: SettingsChange): Settings {
  const baseUrls: Record<string, string> = { ...settings.baseUrls };
  for (const [provider, url] of Object.entries(patch.baseUrls ?? {})) {
    if (url === null || url === undefined || url === '') delete baseUrls[provider];
    else baseUrls[provider] = url;
  }
  return {
    theme: patch.theme ?? settings.theme,
    libraryDir: patch.libraryDir === undefined ? settings.libraryDir : patch.libraryDir,
    baseUrls,
    notifications: { ...settings.notifications, ...definedOnly(patch.notifications) },
    keyStorage: { ...settings.keyStorage, ...definedOnly(patch.keyStorage) },
  };
}

/** Each top-level field on its own: a bad one falls back to its default, the others survive. */
function readTolerantly(raw: Record<string, unknown>): Settings {
  const kept: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(SettingsSchema.shape)) {
    if (!Object.hasOwn(raw, name)) continue;
    const field = schema.safeParse(raw[name]);
    if (field.success) kept[name] = field.data;
  }
  return SettingsSchema.parse(kept);
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  if (value === undefined) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
