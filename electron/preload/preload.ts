// Runs in the sandboxed renderer before the page, bundled to out/preload/preload.cjs (CommonJS,
// a single file: a sandboxed preload can require only 'electron'). It hands the page one frozen
// object, window.easel, built from the contract's channel names (bridge-api.ts): typed calls and
// subscriptions, never ipcRenderer and never a raw send or invoke.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createEaselApi } from './bridge-api';

contextBridge.exposeInMainWorld('easel', createEaselApi(ipcRenderer, webUtils, __EASEL_VERSION__));
