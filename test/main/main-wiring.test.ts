// main.ts with a fake `electron`: the order and the settings a person's safety depends on.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  let resolveReady: () => void = () => {};
  const state = {
    lock: true,
    windows: [] as Array<{ options: Record<string, unknown>; url?: string }>,
    appListeners: new Map<string, (...args: unknown[]) => void>(),
  };
  const app = {
    requestSingleInstanceLock: vi.fn(() => state.lock),
    quit: vi.fn(),
    exit: vi.fn(),
    enableSandbox: vi.fn(),
    getAppPath: vi.fn(() => '/opt/Easel/resources/app.asar'),
    isPackaged: true,
    isReady: vi.fn(() => false),
    on: vi.fn((name: string, listener: (...args: unknown[]) => void) => state.appListeners.set(name, listener)),
    whenReady: vi.fn(() => new Promise<void>((resolve) => (resolveReady = resolve))),
  };
  const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
  const defaultSession = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  };
  class BrowserWindow {
    static getAllWindows = () => state.windows;
    readonly record: { options: Record<string, unknown>; url?: string };
    constructor(options: Record<string, unknown>) {
      this.record = { options };
      state.windows.push(this.record);
    }
    once() {}
    on() {}
    show() {}
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
  }
  return {
    state,
    ready: () => resolveReady(),
    module: { app, protocol, session: { defaultSession }, BrowserWindow, nativeTheme: { shouldUseDarkColors: true } },
  };
});

vi.mock('electron', () => electron.module);

beforeEach(() => {
  vi.resetModules();
  vi.clearAllMocks();
  electron.state.windows.length = 0;
  electron.state.appListeners.clear();
});

describe('main process wiring', () => {
  it('quits at once when another Easel already runs', async () => {
    electron.state.lock = false;
    await import('../../electron/main/main');
    expect(electron.module.app.quit).toHaveBeenCalled();
    expect(electron.module.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(electron.module.app.whenReady).not.toHaveBeenCalled();
  });

  it('sandboxes and registers app:// before ready, then guards and opens one secure window', async () => {
    electron.state.lock = true;
    await import('../../electron/main/main');
    const { app, protocol, session } = electron.module;

    // Before 'ready'.
    expect(app.enableSandbox).toHaveBeenCalled();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(electron.state.appListeners.has('web-contents-created')).toBe(true);
    expect(electron.state.appListeners.has('second-instance')).toBe(true);
    expect(electron.state.windows).toHaveLength(0);

    electron.ready();
    await vi.waitFor(() => expect(electron.state.windows).toHaveLength(1));

    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
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
});
