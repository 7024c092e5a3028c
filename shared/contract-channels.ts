// The names the bridge knows, and the envelope every answer travels in. Deliberately free of
// zod: the sandboxed preload imports this file only, so it stays a few kilobytes and validation
// happens once, in main, where it cannot be bypassed by a compromised page.
// shared/contract.ts maps each name to its schemas; a type-level test keeps the two in step.

/** Calls the renderer may make (`ipcRenderer.invoke`), as `<namespace>.<method>`. */
export const CHANNELS = [
  'providers.catalog',
  'jobs.submit',
  'jobs.list',
  'jobs.get',
  'jobs.cancel',
  'jobs.retry',
  'jobs.dismiss',
  'library.query',
  'library.get',
  'library.favorite',
  'library.trash',
  'library.reveal',
  'library.copyImage',
  'library.startDrag',
  'library.reindex',
  'settings.get',
  'settings.set',
  'settings.chooseLibraryDir',
  'keys.status',
  'keys.set',
  'keys.remove',
  'keys.test',
  'references.stage',
] as const;
export type ChannelName = (typeof CHANNELS)[number];

/** Messages main sends to the renderer (`webContents.send`), prefixed so they never collide with a channel. */
export const EVENTS = ['jobs.changed', 'library.changed', 'notification.clicked', 'menu.command', 'settings.changed'] as const;
export type EventName = (typeof EVENTS)[number];

/** The IPC name an event travels under. */
export function eventChannel(event: EventName): `easel:event:${EventName}` {
  return `easel:event:${event}`;
}

/** What a channel's answer looks like on the wire: a value, or an error a person can read. */
export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: BridgeErrorInfo };

export interface BridgeErrorInfo {
  /** An EaselError code (INVALID_INPUT, NOT_FOUND, MISSING_KEY…) or FORBIDDEN_SENDER. */
  code: string;
  /** Redacted; never a stack trace, never a key. */
  message: string;
}

/**
 * The Error the preload throws for a refused call. Electron's contextBridge copies only an
 * Error's message into the page (custom properties such as `code` are dropped on the way), so
 * the code travels at the front of the message: "[MISSING_KEY] No revid API key is set…".
 */
export function bridgeErrorMessage(error: BridgeErrorInfo): string {
  return `[${error.code}] ${error.message}`;
}

/** The code and message of an error thrown by a window.easel call, in any host. */
export function readBridgeError(error: unknown): BridgeErrorInfo {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const text = error instanceof Error ? error.message : typeof error === 'object' && error !== null ? String((error as { message?: unknown }).message ?? '') : String(error);
  const prefixed = /^\[([A-Z][A-Z0-9_]*)\] ([\s\S]*)$/.exec(text);
  if (prefixed) return { code: prefixed[1]!, message: prefixed[2]! };
  return { code: typeof code === 'string' ? code : 'INTERNAL', message: text };
}

const CHANNEL_SET: ReadonlySet<string> = new Set(CHANNELS);
const EVENT_SET: ReadonlySet<string> = new Set(EVENTS);

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && CHANNEL_SET.has(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && EVENT_SET.has(value);
}
