// Where encrypted keys persist: <userData>/keys.json through electron-store, holding only what
// safeStorage produced (base64). The file is useless without the OS keyring that encrypted it.
import type { IpcMain } from 'electron';
import ElectronStore from 'electron-store';
import type { SecretStore } from '../core/keys/secret-cipher';

/**
 * electron-store answers a synchronous `electron-store-get-data` message from any renderer with
 * the data folder's path. Easel's window cannot send it (it has no ipcRenderer), but no channel
 * outside the contract should exist at all, so the listener is removed once the store is made.
 */
export const ELECTRON_STORE_CHANNEL = 'electron-store-get-data';

export function electronKeyStore(dataDir: string, ipcMain: Pick<IpcMain, 'removeAllListeners'>): SecretStore {
  const store = new ElectronStore<Record<string, string>>({ name: 'keys', cwd: dataDir, accessPropertiesByDotNotation: false, clearInvalidConfig: false });
  ipcMain.removeAllListeners(ELECTRON_STORE_CHANNEL);
  return {
    get(name) {
      const value: unknown = store.get(name);
      return typeof value === 'string' ? value : undefined;
    },
    set: (name, base64) => store.set(name, base64),
    delete: (name) => store.delete(name),
  };
}
