// main.ts with a fake `electron`: the order and the settings a person's safety depends on, and
// the IPC bridge as the page will meet it (sender checks, envelopes), over a real core in a
// temporary folder.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/contract-channels';

type Listener = (...args: unknown[]) => unknown;

const electron = vi.hoisted(() => {
  let resolveReady: () => void = () => {};
  const state = {
    lock: true,
    userData: '',
    windows: [] as Array<{ options: Record<string, unknown>; url?: string; window: unknown }>,
    appListeners: new Map<string, Listener>(),
    handlers: new Map<string, Listener>(),
    sent: [] as Array<{ channel: string; payload: unknown }>,
    menu: null as unknown,
  };
  const app = {
    requestSingleInstanceLock: vi.fn(() => state.lock),
    quit: vi.fn(),
    exit: vi.fn(),
    enableSandbox: vi.fn(),
    setAppUserModelId: vi.fn(),
    getAppPath: vi.fn(() => '/opt/Easel/resources/app.asar'),
    getPath: vi.fn((name: string) => (name === 'userData' ? state.userData : path.join(state.userData, name))),
    getName: vi.fn(() => 'Easel'),
    isPackaged: true,
    isReady: vi.fn(() => false),
    on: vi.fn((name: string, listener: Listener) => state.appListeners.set(name, listener)),
    whenReady: vi.fn(() => new Promise<void>((resolve) => (resolveReady = resolve))),
  };
  const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
  const defaultSession = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() };
  const ipcMain = {
    handle: vi.fn((channel: string, handler: Listener) => state.handlers.set(channel, handler)),
    removeHandler: vi.fn((channel: string) => state.handlers.delete(channel)),
    removeAllListeners: vi.fn(),
  };
  class BrowserWindow {
    static getAllWindows = () => state.windows.map((w) => w.window);
    readonly record: { options: Record<string, unknown>; url?: string; window: unknown };
    readonly listeners = new Map<string, Listener>();
    readonly webContents = {
      send: vi.fn((channel: string, payload: unknown) => state.sent.push({ channel, payload })),
      isDestroyed: () => false,
      startDrag: vi.fn(),
    };
    constructor(options: Record<string, unknown>) {
      this.record = { options, window: this };
      state.windows.push(this.record);
    }
    once(name: string, listener: Listener) {
      this.listeners.set(name, listener);
    }
    on(name: string, listener: Listener) {
      this.listeners.set(name, listener);
    }
    show() {}
    focus() {}
    restore() {}
    maximize() {}
    isMinimized = () => false;
    isDestroyed = () => false;
    isFocused = () => false;
    isMaximized = () => false;
    getNormalBounds = () => ({ x: 10, y: 20, width: 1000, height: 700 });
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
  }
  class Notification {
    static isSupported = () => true;
    on() {}
    show() {}
  }
  return {
    state,
    ready: () => resolveReady(),
    module: {
      app,
      protocol,
      ipcMain,
      session: { defaultSession },
      BrowserWindow,
      Notification,
      ClipboardItem: class {},
      clipboard: { write: vi.fn() },
      shell: { trashItem: vi.fn(), showItemInFolder: vi.fn() },
      dialog: { showMessageBox: vi.fn(async () => ({ response: 0 })), showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })) },
      nativeTheme: { shouldUseDarkColors: true, themeSource: 'system' },
      screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
      // Only what Electron 46 still has: the async API and these two. A leftover synchronous
      // call (isEncryptionAvailable, encryptString, decryptString) is not a function here.
      safeStorage: {
        isAsyncEncryptionAvailable: vi.fn(async () => true),
        getSelectedStorageBackend: () => 'gnome_libsecret',
        setUsePlainTextEncryption: vi.fn(),
        encryptStringAsync: vi.fn(async (plain: string) => Buffer.from(`enc:${plain}`)),
        decryptStringAsync: vi.fn(async (buffer: Buffer) => ({ result: buffer.toString().slice(4), shouldReEncrypt: false })),
      },
      Menu: {
        buildFromTemplate: vi.fn((template: unknown) => ({ template })),
        setApplicationMenu: vi.fn((menu: unknown) => (state.menu = menu)),
      },
    },
  };
});

vi.mock('electron', () => electron.module);
// electron-store imports the real `electron` package, which needs the binary; a Map stands in.
vi.mock('electron-store', () => ({
  default: class {
    private readonly data = new Map<string, unknown>();
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

beforeEach(async () => {
  vi.resetModules();
  vi.clearAllMocks();
  electron.state.windows.length = 0;
  electron.state.appListeners.clear();
  electron.state.handlers.clear();
  electron.state.sent.length = 0;
  electron.state.userData = await mkdtemp(path.join(os.tmpdir(), 'easel-main-'));
});

afterEach(async () => {
  // Close the desktop (jobs, index) the way quitting does.
  const beforeQuit = electron.state.appListeners.get('before-quit');
  if (beforeQuit) {
    beforeQuit({ preventDefault: () => {} });
    await vi.waitFor(() => expect(electron.module.app.quit).toHaveBeenCalled());
  }
  await rm(electron.state.userData, { recursive: true, force: true });
});

async function startApp() {
  electron.state.lock = true;
  await import('../../electron/main/main');
  electron.ready();
  await vi.waitFor(() => expect(electron.state.windows).toHaveLength(1));
  const [record] = electron.state.windows;
  return record!.window as { webContents: object };
}

const mainFrameEvent = (window: { webContents: object }, url = 'app://easel/index.html') => {
  const frame: Record<string, unknown> = { url, origin: new URL(url).protocol === 'app:' ? 'app://easel' : new URL(url).origin, parent: null };
  frame.top = frame;
  return { sender: window.webContents, senderFrame: frame };
};

describe('main process wiring', () => {
  it('quits at once when another Easel already runs', async () => {
    electron.state.lock = false;
    await import('../../electron/main/main');
    expect(electron.module.app.quit).toHaveBeenCalled();
    expect(electron.module.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(electron.module.app.whenReady).not.toHaveBeenCalled();
  });

  it('sandboxes and registers its schemes before ready, then guards and opens one secure window', async () => {
    electron.state.lock = true;
    await import('../../electron/main/main');
    const { app, protocol, session } = electron.module;

    // Before 'ready'.
    expect(app.enableSandbox).toHaveBeenCalled();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    const [schemes] = protocol.registerSchemesAsPrivileged.mock.calls[0] as [Array<{ scheme: string }>];
    expect(schemes.map((s) => s.scheme)).toEqual(['app', 'easel-media']);
    expect(electron.state.appListeners.has('web-contents-created')).toBe(true);
    expect(electron.state.appListeners.has('second-instance')).toBe(true);
    expect(electron.state.windows).toHaveLength(0);
    expect(electron.state.handlers.size).toBe(0);

    electron.ready();
    await vi.waitFor(() => expect(electron.state.windows).toHaveLength(1));

    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(protocol.handle).toHaveBeenCalledWith('easel-media', expect.any(Function));
    const [window] = electron.state.windows;
    expect(window?.url).toBe('app://easel/index.html');
    expect(window?.options.webPreferences).toMatchObject({
      preload: '/opt/Easel/resources/app.asar/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: false,
    });
  });

  it('registers exactly the contract’s channels, removes electron-store’s stray listener, and sets a menu', async () => {
    await startApp();
    expect([...electron.state.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    expect(electron.module.ipcMain.removeAllListeners).toHaveBeenCalledWith('electron-store-get-data');
    expect(electron.module.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
  });

  it('answers the main frame of its own window and refuses sub-frames, other origins and other windows', async () => {
    const window = await startApp();
    const call = (channel: string, event: unknown, input?: unknown) => electron.state.handlers.get(channel)!(event, input);

    const ok = (await call('settings.get', mainFrameEvent(window))) as { ok: boolean; value: { settings: { theme: string } } };
    expect(ok.ok).toBe(true);
    expect(ok.value.settings.theme).toBe('system');

    const forbidden = { ok: false, error: { code: 'FORBIDDEN_SENDER', message: expect.any(String) } };
    const sub = mainFrameEvent(window);
    const top = { url: 'app://easel/index.html', parent: null };
    (sub.senderFrame as Record<string, unknown>).parent = top;
    (sub.senderFrame as Record<string, unknown>).top = top;
    expect(await call('settings.get', sub)).toEqual(forbidden);
    expect(await call('settings.get', mainFrameEvent(window, 'https://evil.example/'))).toEqual(forbidden);
    expect(await call('settings.get', mainFrameEvent(window, 'file:///tmp/page.html'))).toEqual(forbidden);
    expect(await call('settings.get', { ...mainFrameEvent(window), sender: { other: true } })).toEqual(forbidden);
    expect(await call('settings.get', { sender: window.webContents, senderFrame: null })).toEqual(forbidden);
    // A refused sender never gets as far as a side effect.
    expect(await call('keys.set', mainFrameEvent(window, 'https://evil.example/'), { account: 'revid', key: 'sk_live_attacker' })).toEqual(forbidden);
    const status = (await call('keys.status', mainFrameEvent(window))) as { value: { accounts: Array<{ present: boolean }> } };
    expect(status.value.accounts.every((a) => !a.present)).toBe(true);
  });

  it('keeps keys with safeStorage’s async API and answers with their last four characters only', async () => {
    const window = await startApp();
    const call = (channel: string, input?: unknown) => electron.state.handlers.get(channel)!(mainFrameEvent(window), input) as Promise<{ ok: boolean; value: unknown }>;
    const key = 'sk_live_wiring_key_4321';
    const set = await call('keys.set', { account: 'revid', key });
    expect(set).toEqual({ ok: true, value: { account: 'revid', providers: ['revid', 'revid-gpt4o', 'revid-nano-banana'], present: true, lastFour: '4321', problem: null } });
    const status = await call('keys.status');
    expect(status.ok).toBe(true);
    expect(status.value).toMatchObject({ storage: { backend: 'gnome_libsecret', encryptionAvailable: true, canStore: true } });
    expect(JSON.stringify([set, status])).not.toContain(key);
    const { safeStorage } = electron.module;
    expect(safeStorage.isAsyncEncryptionAvailable).toHaveBeenCalled();
    expect(safeStorage.encryptStringAsync).toHaveBeenCalledWith(key);
    expect(safeStorage.decryptStringAsync).toHaveBeenCalled();
    expect(safeStorage.setUsePlainTextEncryption).not.toHaveBeenCalled();
    expect(Object.keys(safeStorage).sort()).toEqual(['decryptStringAsync', 'encryptStringAsync', 'getSelectedStorageBackend', 'isAsyncEncryptionAvailable', 'setUsePlainTextEncryption']);
  });

  it('answers malformed payloads with a typed error and keeps serving', async () => {
    const window = await startApp();
    const call = (channel: string, input: unknown) => electron.state.handlers.get(channel)!(mainFrameEvent(window), input);
    for (const bad of [null, 42, 'x'.repeat(100_000), { jobId: '../../etc/passwd' }, JSON.parse('{"__proto__":{"x":1}}')]) {
      expect(await call('jobs.cancel', bad)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(await call('settings.get', undefined)).toMatchObject({ ok: true });
  });

  it('sends menu commands and service events to the window', async () => {
    const window = await startApp();
    const menu = electron.state.menu as { template: Array<{ submenu?: Array<{ label?: string; click?: () => void }> }> };
    const item = menu.template.flatMap((m) => m.submenu ?? []).find((i) => i.label === 'New Generation');
    item?.click?.();
    expect(electron.state.sent).toContainEqual({ channel: 'easel:event:menu.command', payload: { command: 'new-generation' } });
    await electron.state.handlers.get('settings.set')!(mainFrameEvent(window), { theme: 'dark' });
    expect(electron.state.sent.map((s) => s.channel)).toContain('easel:event:settings.changed');
    expect(electron.module.nativeTheme.themeSource).toBe('dark');
  });
});
