// Runs in the sandboxed renderer before the page, bundled to out/preload/preload.cjs (CommonJS,
// a single file: a sandboxed preload can require only 'electron'). It hands the page a frozen
// object through contextBridge and nothing else: never ipcRenderer, never a raw send or invoke.
// The typed window.easel built from shared/contract.ts replaces this placeholder.
import { contextBridge } from 'electron';

interface EaselBridge {
  readonly version: string;
}

const bridge: EaselBridge = Object.freeze({ version: __EASEL_VERSION__ });

contextBridge.exposeInMainWorld('easel', bridge);
