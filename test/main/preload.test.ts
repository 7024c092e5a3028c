import { afterEach, describe, expect, it, vi } from 'vitest';

const exposeInMainWorld = vi.fn();
vi.mock('electron', () => ({ contextBridge: { exposeInMainWorld }, ipcRenderer: { send: vi.fn(), invoke: vi.fn() } }));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('preload', () => {
  it('exposes window.easel with the app version and nothing raw', async () => {
    vi.stubGlobal('__EASEL_VERSION__', '1.2.3');
    await import('../../electron/preload/preload');

    expect(exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
    expect(key).toBe('easel');
    expect(api).toEqual({ version: '1.2.3' });
    expect(Object.isFrozen(api)).toBe(true);
    for (const value of Object.values(api)) expect(typeof value).not.toBe('function');
  });
});
