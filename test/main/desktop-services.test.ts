// The Electron implementations of the core's small interfaces: cipher, key store, shell,
// notifications, events. Each with the Electron piece faked.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { SafeStorage } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createJobNotifier } from '../../electron/core/service/job-notifier';
import { createKeyVault } from '../../electron/core/keys/key-vault';
import { desktopNotificationHost } from '../../electron/main/desktop-notifications';
import { desktopShell } from '../../electron/main/desktop-shell';
import { electronKeyStore, ELECTRON_STORE_CHANNEL } from '../../electron/main/key-store';
import { forwardEventsToWindow } from '../../electron/main/renderer-events';
import { safeStorageCipher, type SafeStorageLike } from '../../electron/main/safe-storage-cipher';
import type { JobRecord } from '../../shared/domain';

const stores = vi.hoisted(() => [] as Array<{ options: Record<string, unknown>; data: Map<string, unknown> }>);
vi.mock('electron-store', () => ({
  default: class {
    readonly data = new Map<string, unknown>();
    constructor(options: Record<string, unknown>) {
      stores.push({ options, data: this.data });
    }
    get(key: string) {
      return this.data.get(key);
    }
    set(key: string, value: unknown) {
      this.data.set(key, value);
    }
    delete(key: string) {
      this.data.delete(key);
    }
  },
}));

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = '';
});

/** The methods of Electron's safeStorage Easel may use: the async API and the two that stay in Electron 46. */
const SAFE_STORAGE_SURFACE = ['isAsyncEncryptionAvailable', 'encryptStringAsync', 'decryptStringAsync', 'getSelectedStorageBackend', 'setUsePlainTextEncryption'];

/**
 * safeStorage with only its asynchronous API (the synchronous one is gone in Electron 46): any
 * other property read throws, so a leftover encryptString or isEncryptionAvailable fails here.
 * `state.rotated` makes decryption report shouldReEncrypt, as after the OS key changed.
 */
function asyncOnlySafeStorage(backend: ReturnType<SafeStorageLike['getSelectedStorageBackend']>) {
  const state = { rotated: false, encrypted: 0, touched: new Set<string>() };
  const xor = (bytes: Buffer) => Buffer.from([...bytes].map((b) => b ^ 0x5a));
  const api: SafeStorageLike & Pick<SafeStorage, 'setUsePlainTextEncryption'> = {
    isAsyncEncryptionAvailable: async () => true,
    getSelectedStorageBackend: () => backend,
    setUsePlainTextEncryption: () => {},
    encryptStringAsync: async (plain) => {
      state.encrypted += 1;
      return xor(Buffer.from(plain));
    },
    decryptStringAsync: async (buffer) => ({ result: xor(buffer).toString(), shouldReEncrypt: state.rotated }),
  };
  const safeStorage = new Proxy(api, {
    get(target, name) {
      if (typeof name === 'string' && !SAFE_STORAGE_SURFACE.includes(name)) throw new Error(`safeStorage.${name} is not available (only the async API is)`);
      state.touched.add(String(name));
      return Reflect.get(target, name) as unknown;
    },
  });
  return { safeStorage, state };
}

const fakeSafeStorage = (backend: ReturnType<SafeStorageLike['getSelectedStorageBackend']>): SafeStorageLike => asyncOnlySafeStorage(backend).safeStorage;

describe('safeStorage cipher', () => {
  it('reports the Linux backend safeStorage selected, and the OS store elsewhere', () => {
    expect(safeStorageCipher(fakeSafeStorage('basic_text'), 'linux').backend()).toBe('basic_text');
    expect(safeStorageCipher(fakeSafeStorage('kwallet6'), 'linux').backend()).toBe('kwallet6');
    expect(safeStorageCipher(fakeSafeStorage('unknown'), 'darwin').backend()).toBe('keychain');
    expect(safeStorageCipher(fakeSafeStorage('unknown'), 'win32').backend()).toBe('dpapi');
  });

  it('lets the vault refuse basic_text on Linux until the person consents', async () => {
    let consent = false;
    const ipcMain = { removeAllListeners: vi.fn() };
    const vault = createKeyVault({
      cipher: safeStorageCipher(fakeSafeStorage('basic_text'), 'linux'),
      store: electronKeyStore('/tmp/easel-keys', ipcMain),
      basicTextConsented: () => consent,
      platform: 'linux',
    });
    await expect(vault.set('revid', 'sk_live_abcdefgh')).rejects.toThrow(/basic_text/);
    consent = true;
    expect((await vault.set('revid', 'sk_live_abcdefgh')).lastFour).toBe('efgh');
  });
});
describe('safeStorage cipher, async API only', () => {
  it('stores, reads and removes keys through the vault with nothing but the async calls', async () => {
    const { safeStorage, state } = asyncOnlySafeStorage('gnome_libsecret');
    const vault = createKeyVault({ cipher: safeStorageCipher(safeStorage, 'linux'), store: electronKeyStore('/tmp/easel-keys', { removeAllListeners: vi.fn() }), basicTextConsented: () => false, platform: 'linux' });
    expect(await vault.storage()).toMatchObject({ backend: 'gnome_libsecret', encryptionAvailable: true, canStore: true });
    await vault.set('kvid', 'kv_live_0123456789');
    expect(await vault.get('kvid')).toBe('kv_live_0123456789');
    expect(await vault.secrets()).toEqual(['kv_live_0123456789']);
    expect((await vault.statusAll()).find((s) => s.account === 'kvid')).toMatchObject({ present: true, lastFour: '6789' });
    expect((await vault.remove('kvid')).present).toBe(false);
    expect([...state.touched].sort()).toEqual(['decryptStringAsync', 'encryptStringAsync', 'getSelectedStorageBackend', 'isAsyncEncryptionAvailable']);
  });

  it('passes decryptStringAsync’s shouldReEncrypt on, and the vault saves the key encrypted again', async () => {
    const { safeStorage, state } = asyncOnlySafeStorage('kwallet6');
    const cipher = safeStorageCipher(safeStorage, 'linux');
    const encrypted = await cipher.encrypt('sk_live_abcdefgh');
    expect(await cipher.decrypt(encrypted)).toEqual({ plain: 'sk_live_abcdefgh', shouldReEncrypt: false });
    state.rotated = true;
    expect(await cipher.decrypt(encrypted)).toEqual({ plain: 'sk_live_abcdefgh', shouldReEncrypt: true });

    state.rotated = false;
    const vault = createKeyVault({ cipher, store: electronKeyStore('/tmp/easel-keys', { removeAllListeners: vi.fn() }), basicTextConsented: () => false, platform: 'linux' });
    await vault.set('revid', 'sk_live_abcdefgh');
    const before = state.encrypted;
    state.rotated = true;
    expect(await vault.get('revid')).toBe('sk_live_abcdefgh');
    expect(state.encrypted).toBe(before + 1);
    expect(stores.at(-1)!.data.get('key.revid')).toBe((await cipher.encrypt('sk_live_abcdefgh')).toString('base64'));
  });

  it('fails loudly if anything reaches for the synchronous API', () => {
    const { safeStorage } = asyncOnlySafeStorage('gnome_libsecret');
    for (const name of ['isEncryptionAvailable', 'encryptString', 'decryptString']) {
      expect(() => (safeStorage as unknown as Record<string, unknown>)[name]).toThrow(/only the async API/);
    }
  });
});

describe('electron-store key store', () => {
  it('keeps only ciphertext, in keys.json under the data folder, and removes electron-store’s IPC listener', async () => {
    const ipcMain = { removeAllListeners: vi.fn() };
    const store = electronKeyStore('/data/easel', ipcMain);
    const vault = createKeyVault({ cipher: safeStorageCipher(fakeSafeStorage('gnome_libsecret'), 'linux'), store, basicTextConsented: () => false, platform: 'linux' });
    await vault.set('kvid', 'kv_live_0123456789');
    const made = stores.at(-1)!;
    expect(made.options).toMatchObject({ name: 'keys', cwd: '/data/easel' });
    expect(JSON.stringify([...made.data])).not.toContain('kv_live_0123456789');
    expect(await vault.get('kvid')).toBe('kv_live_0123456789');
    expect(ipcMain.removeAllListeners).toHaveBeenCalledWith(ELECTRON_STORE_CHANNEL);
    store.delete('key.kvid');
    expect(store.get('key.kvid')).toBeUndefined();
  });
});

describe('desktop shell', () => {
  let dialogAnswer = 0;
  let folderAnswer: string | null = null;
  function shellWith() {
    const calls: unknown[][] = [];
    const contents = { startDrag: vi.fn(), isDestroyed: () => false };
    class ClipboardItem {
      constructor(readonly items: Record<string, Blob>) {}
    }
    const shell = desktopShell({
      shell: { trashItem: vi.fn(async (p: string) => void calls.push(['trash', p])), showItemInFolder: vi.fn((p: string) => void calls.push(['reveal', p])) },
      clipboard: { write: vi.fn(async (items: unknown[]) => void calls.push(['clipboard', items])) } as never,
      ClipboardItem: ClipboardItem as never,
      contents: () => contents as never,
      fallbackIconPath: '/app/resources/icon.png',
      dialog: {
        showMessageBox: vi.fn(async (_w: unknown, options?: { buttons: string[] }) => {
          calls.push(['ask', (options ?? _w) as unknown]);
          return { response: dialogAnswer, checkboxChecked: false };
        }),
        showOpenDialog: vi.fn(async () => ({ canceled: folderAnswer === null, filePaths: folderAnswer ? [folderAnswer] : [] })),
      } as never,
      window: () => null,
    });
    return { shell, calls, contents };
  }

  it('moves files to the OS trash one by one, never deleting them', async () => {
    const { shell, calls } = shellWith();
    await shell.trash(['/lib/a.png', '/lib/a.json']);
    expect(calls).toEqual([
      ['trash', '/lib/a.png'],
      ['trash', '/lib/a.json'],
    ]);
  });

  it('reveals in the file manager and drags the real file with an icon', () => {
    const { shell, calls, contents } = shellWith();
    shell.reveal('/lib/a.png');
    shell.startDrag('/lib/a.png', '/data/thumbnails/ab-64.png');
    shell.startDrag('/lib/b.png', null);
    expect(calls).toEqual([['reveal', '/lib/a.png']]);
    expect(contents.startDrag).toHaveBeenNthCalledWith(1, { file: '/lib/a.png', icon: '/data/thumbnails/ab-64.png' });
    expect(contents.startDrag).toHaveBeenNthCalledWith(2, { file: '/lib/b.png', icon: '/app/resources/icon.png' });
  });

  it('asks in a native dialog where Enter and Escape mean no', async () => {
    const { shell, calls } = shellWith();
    dialogAnswer = 0;
    const prompt = { title: 't', message: 'm', detail: 'd', confirmLabel: 'Use this address' };
    expect(await shell.confirm(prompt)).toBe(false);
    dialogAnswer = 1;
    expect(await shell.confirm(prompt)).toBe(true);
    expect(calls[0]?.[1]).toMatchObject({ buttons: ['Cancel', 'Use this address'], defaultId: 0, cancelId: 0, type: 'warning' });
  });

  it('picks a folder in the OS dialog, or nothing when canceled', async () => {
    const { shell } = shellWith();
    folderAnswer = '/home/ada/Art';
    expect(await shell.chooseFolder({ title: 't', defaultPath: '/home/ada' })).toBe('/home/ada/Art');
    folderAnswer = null;
    expect(await shell.chooseFolder({ title: 't', defaultPath: '/home/ada' })).toBeNull();
  });

  it('copies the picture itself to the clipboard as PNG, converting WebP', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'easel-shell-'));
    const webp = path.join(dir, 'a.webp');
    await writeFile(webp, await sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } }).webp().toBuffer());
    const { shell, calls } = shellWith();
    await shell.copyImage(webp);
    const [[kind, items]] = calls as [[string, Array<{ items: Record<string, Blob> }>]];
    expect(kind).toBe('clipboard');
    const blob = items[0]!.items['image/png']!;
    expect(blob.type).toBe('image/png');
    const bytes = Buffer.from(await blob.arrayBuffer());
    expect((await sharp(bytes).metadata()).format).toBe('png');
  });
});

describe('desktop notifications', () => {
  const job = {
    schemaVersion: 1,
    id: 'aaaaaaaa-0000-4000-8000-000000000000',
    createdAt: '2026-11-21T10:00:00.000Z',
    updatedAt: '2026-11-21T10:00:05.000Z',
    state: 'completed',
    request: { provider: 'sandbox', model: 'sketch', prompt: 'a heron', count: 1, references: [], params: {} },
    tasks: [{ index: 0, idempotencyKey: 'k', status: 'succeeded', createAttempts: 1 }],
    results: [{ index: 0, taskIndex: 0, url: 'x', downloadAttempts: 1, saved: { path: '/lib/a.png', sidecarPath: '/lib/a.json', sha256: 's', width: 1, height: 1, bytes: 1, mime: 'image/png' } }],
  } as JobRecord;

  function setup(focused: boolean) {
    const made: Array<{ options: Record<string, unknown>; listeners: Map<string, () => void>; shown: boolean }> = [];
    class Notification {
      static isSupported = () => true;
      readonly record: { options: Record<string, unknown>; listeners: Map<string, () => void>; shown: boolean };
      constructor(options: Record<string, unknown>) {
        this.record = { options, listeners: new Map(), shown: false };
        made.push(this.record);
      }
      on(name: string, listener: () => void) {
        this.record.listeners.set(name, listener);
      }
      show() {
        this.record.shown = true;
      }
    }
    const window = { isFocused: () => focused, isMinimized: () => true, restore: vi.fn(), show: vi.fn(), focus: vi.fn(), isDestroyed: () => false };
    const clicks: unknown[] = [];
    const host = desktopNotificationHost({ Notification: Notification as never, window: () => window, onClick: (n) => clicks.push({ jobId: n.jobId, imageId: n.imageId }) });
    const notifier = createJobNotifier({
      settings: { get: () => ({ notifications: { enabled: true, onlyWhenUnfocused: true } }) },
      host,
      thumbnails: { get: async () => '/data/thumbnails/ab-256.png' },
    });
    return { made, window, clicks, notifier };
  }

  it('notify only when the window is not focused, with the picture as icon', async () => {
    const focused = setup(true);
    focused.notifier.jobFinished(job);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(focused.made).toHaveLength(0);

    const away = setup(false);
    away.notifier.jobFinished(job);
    await vi.waitFor(() => expect(away.made).toHaveLength(1));
    expect(away.made[0]).toMatchObject({ options: { title: 'Picture ready', body: 'a heron', icon: '/data/thumbnails/ab-256.png' }, shown: true });
  });

  it('focus the window on a click and tell the page which picture to show', async () => {
    const { made, window, clicks, notifier } = setup(false);
    notifier.jobFinished(job);
    await vi.waitFor(() => expect(made).toHaveLength(1));
    made[0]!.listeners.get('click')!();
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(clicks).toEqual([{ jobId: job.id, imageId: `${job.id}_0` }]);
  });
});

describe('events to the window', () => {
  it('go to the live window under easel:event:<name>, and stop when unsubscribed', () => {
    let listener: ((e: { event: string; payload: unknown }) => void) | undefined;
    const service = { subscribe: (l: typeof listener) => ((listener = l), () => (listener = undefined)) };
    const send = vi.fn();
    let destroyed = false;
    const stop = forwardEventsToWindow(service as never, () => ({ send, isDestroyed: () => destroyed }));
    listener?.({ event: 'library.changed', payload: { reason: 'added', imageIds: ['x_0'] } });
    expect(send).toHaveBeenCalledWith('easel:event:library.changed', { reason: 'added', imageIds: ['x_0'] });
    destroyed = true;
    listener?.({ event: 'library.changed', payload: { reason: 'added', imageIds: [] } });
    expect(send).toHaveBeenCalledTimes(1);
    stop();
    expect(listener).toBeUndefined();
  });
});
