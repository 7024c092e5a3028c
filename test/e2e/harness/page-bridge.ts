// Runs in the page before any of its scripts (bundled to one IIFE and added with
// page.addInitScript), standing in for the preload: it builds window.easel with the preload's
// own createEaselApi (electron/preload/bridge-api.ts, the very same code, not a copy), over a
// fake ipcRenderer whose invoke goes to the real core through page.exposeBinding, and whose
// events arrive from the fixture's event pump. It then hands window.easel to the page the way
// Electron's contextBridge does: a frozen copy whose functions answer with copies, and whose
// errors arrive as plain Errors carrying only their message (contextBridge drops `code`, `name`
// and every custom property, so a renderer that read them would pass here and fail in the app).
import { createEaselApi, type BridgeFiles, type BridgeIpc } from '../../../electron/preload/bridge-api';
import type { HarnessWindow } from './page-globals';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

install();

function install(): void {
  // The preload runs in the main frame only (nodeIntegrationInSubFrames is off).
  if (window.top !== window) return;
  const page = window as unknown as Window & HarnessWindow;
  const listeners = new Map<string, Set<IpcListener>>();
  const diskFiles = new WeakMap<File, string>();
  const testFiles: Record<string, string> = Object.create(null) as Record<string, string>;
  page.__easelTestFiles = testFiles;

  const ipc: BridgeIpc = {
    invoke(channel, ...args) {
      const invoke = page.__easelInvoke;
      if (typeof invoke !== 'function') return Promise.reject(new Error('The test harness bound no __easelInvoke.'));
      return invoke(channel, args[0]);
    },
    on(channel, listener) {
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(listener);
      return ipc;
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
      return ipc;
    },
  };

  const files: BridgeFiles = {
    // webUtils.getPathForFile answers '' for a File that is not on disk (a pasted screenshot,
    // one made by script); here, "on disk" means a test registered it.
    getPathForFile(file) {
      return diskFiles.get(file) ?? (Object.hasOwn(testFiles, file.name) ? testFiles[file.name]! : '');
    },
  };

  const api = createEaselApi(ipc, files, __EASEL_VERSION__);

  Object.defineProperty(page, '__easelHarness', {
    value: Object.freeze({
      emit(event: string, payload: unknown) {
        const set = listeners.get(`easel:event:${event}`);
        if (!set) return;
        // A fake IpcRendererEvent: the bridge passes only the payload on, as in the app.
        for (const listener of [...set]) listener({ sender: null }, structuredClone(payload));
      },
      registerFile(file: File, path: string) {
        diskFiles.set(file, path);
      },
    }),
    enumerable: false,
    writable: false,
    configurable: false,
  });

  Object.defineProperty(page, 'easel', { value: acrossBridge(api), enumerable: true, writable: false, configurable: false });
}

/** What the main world receives from contextBridge.exposeInMainWorld: copied and frozen. */
function acrossBridge(value: unknown): unknown {
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    return (...args: unknown[]) => {
      let result: unknown;
      try {
        result = fn(...args);
      } catch (error) {
        throw plainError(error);
      }
      if (result instanceof Promise) return result.then(acrossBridge, (error: unknown) => Promise.reject(plainError(error)));
      return acrossBridge(result);
    };
  }
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(acrossBridge);
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = acrossBridge(item);
  // Objects Electron copies into the page are frozen only as part of the exposed API itself;
  // answers of calls are fresh, ordinary objects.
  return Object.isFrozen(value) ? Object.freeze(copy) : copy;
}

function plainError(error: unknown): Error {
  return new Error(error instanceof Error ? error.message : String(error));
}
