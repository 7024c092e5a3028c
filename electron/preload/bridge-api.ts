// window.easel, built from the contract's channel list: `easel.<namespace>.<method>(input)` for
// every channel `<namespace>.<method>`, `easel.on(event, listener)` for events, and nothing else.
// Inputs are not validated here: main validates every call (after checking the sender), so a
// check in the page's reach would add bytes, not safety. This file imports no zod, only names.
import { bridgeErrorMessage, CHANNELS, eventChannel, isEventName, type BridgeResult } from '../../shared/contract-channels';
import type { EaselApi } from '../../shared/contract';

/** The slice of ipcRenderer the bridge uses; it never leaves this module. */
export interface BridgeIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export interface BridgeFiles {
  getPathForFile(file: File): string;
}

export function createEaselApi(ipc: BridgeIpc, files: BridgeFiles, version: string): EaselApi {
  const namespaces: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const channel of CHANNELS) {
    const [namespace, method] = channel.split('.') as [string, string];
    namespaces[namespace] ??= {};
    namespaces[namespace][method] = async (input?: unknown) => unwrap(await ipc.invoke(channel, input));
  }
  for (const group of Object.values(namespaces)) Object.freeze(group);

  const api = {
    ...namespaces,
    version,
    on(event: unknown, listener: unknown): () => void {
      if (!isEventName(event)) throw new TypeError(`Easel sends no event called "${String(event)}".`);
      if (typeof listener !== 'function') throw new TypeError('easel.on needs a listener function.');
      const name = eventChannel(event);
      // The page gets the payload only, never the IpcRendererEvent (whose `sender` is ipcRenderer).
      const forward = (_event: unknown, payload: unknown): void => {
        (listener as (payload: unknown) => void)(payload);
      };
      ipc.on(name, forward);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(name, forward);
      };
    },
    files: Object.freeze({
      pathFor(file: File): string {
        try {
          return files.getPathForFile(file);
        } catch {
          return '';
        }
      },
    }),
  };
  return Object.freeze(api) as unknown as EaselApi;
}

function unwrap(answer: unknown): unknown {
  const result = answer as BridgeResult<unknown> | null;
  if (result && result.ok === true) return result.value;
  const error = result && result.ok === false ? result.error : { code: 'INTERNAL', message: 'Easel gave no answer.' };
  throw Object.assign(new Error(bridgeErrorMessage(error)), { name: 'EaselError', code: error.code });
}
