// The preload with a fake `electron`: window.easel is generated from the channel list, unwraps
// the envelope, subscribes with unsubscribe functions, and hands the page nothing raw.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, EVENTS, readBridgeError } from '../../shared/contract-channels';
import type { EaselApi } from '../../shared/contract';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const ipcRenderer = {
    invoke: vi.fn(async (_channel: string, _input?: unknown): Promise<unknown> => ({ ok: true, value: null })),
    on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
      return ipcRenderer;
    }),
    removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    }),
    send: vi.fn(),
    sendSync: vi.fn(),
  };
  const emit = (channel: string, ...args: unknown[]) => {
    for (const listener of listeners.get(channel) ?? []) listener(...args);
  };
  return {
    listeners,
    emit,
    module: {
      contextBridge: { exposeInMainWorld: vi.fn() },
      ipcRenderer,
      webUtils: { getPathForFile: vi.fn((file: { name: string }) => `/home/ada/Pictures/${file.name}`) },
    },
  };
});

vi.mock('electron', () => electron.module);

async function loadApi(): Promise<EaselApi> {
  vi.stubGlobal('__EASEL_VERSION__', '1.2.3');
  await import('../../electron/preload/preload');
  const calls = electron.module.contextBridge.exposeInMainWorld.mock.calls as unknown as Array<[string, EaselApi]>;
  expect(calls).toHaveLength(1);
  expect(calls[0]![0]).toBe('easel');
  return calls[0]![1];
}

beforeEach(() => {
  vi.resetModules();
  vi.clearAllMocks();
  electron.listeners.clear();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('preload: window.easel', () => {
  it('has one method per contract channel, under its namespace, and nothing else', async () => {
    const api = await loadApi();
    const namespaces = [...new Set(CHANNELS.map((c) => c.split('.')[0]!))];
    expect(Object.keys(api).sort()).toEqual([...namespaces, 'version', 'on', 'files'].sort());
    expect(api.version).toBe('1.2.3');
    for (const channel of CHANNELS) {
      const [namespace, method] = channel.split('.') as [string, string];
      expect(typeof (api as unknown as Record<string, Record<string, unknown>>)[namespace]?.[method], channel).toBe('function');
    }
    const methodCount = namespaces.reduce((n, ns) => n + Object.keys((api as unknown as Record<string, object>)[ns]!).length, 0);
    expect(methodCount).toBe(CHANNELS.length);
    expect(Object.isFrozen(api)).toBe(true);
    for (const ns of namespaces) expect(Object.isFrozen((api as unknown as Record<string, object>)[ns])).toBe(true);
  });

  it('never exposes ipcRenderer or any of its functions', async () => {
    const api = await loadApi();
    const raw = new Set<unknown>([electron.module.ipcRenderer, ...Object.values(electron.module.ipcRenderer)]);
    const seen = new Set<unknown>();
    const walk = (value: unknown): void => {
      if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) return;
      seen.add(value);
      expect(raw.has(value)).toBe(false);
      for (const key of Reflect.ownKeys(value as object)) walk((value as Record<PropertyKey, unknown>)[key]);
    };
    walk(api);
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipc|invoke|send/i);
  });

  it('invokes the channel with the input and resolves with the value', async () => {
    const api = await loadApi();
    electron.module.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: [{ id: 'job' }] });
    await expect(api.jobs.list({ includeDismissed: true })).resolves.toEqual([{ id: 'job' }]);
    expect(electron.module.ipcRenderer.invoke).toHaveBeenCalledWith('jobs.list', { includeDismissed: true });
    for (const channel of CHANNELS) {
      const [namespace, method] = channel.split('.') as [string, string];
      electron.module.ipcRenderer.invoke.mockClear();
      await (api as unknown as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>)[namespace]![method]!({ probe: channel });
      expect(electron.module.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(channel, { probe: channel });
    }
  });

  it('turns an error envelope into a thrown Error whose code survives the context bridge', async () => {
    const api = await loadApi();
    electron.module.ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'MISSING_KEY', message: 'No revid API key is set.' } });
    const error = await api.jobs.submit({ provider: 'revid', model: 'nano-banana', prompt: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('[MISSING_KEY] No revid API key is set.');
    expect((error as Error & { code: string }).code).toBe('MISSING_KEY');
    expect(readBridgeError(error)).toEqual({ code: 'MISSING_KEY', message: 'No revid API key is set.' });
    // What the page sees after contextBridge copies the error: a plain Error with the message only.
    expect(readBridgeError(new Error((error as Error).message))).toEqual({ code: 'MISSING_KEY', message: 'No revid API key is set.' });

    electron.module.ipcRenderer.invoke.mockResolvedValueOnce(undefined);
    await expect(api.settings.get()).rejects.toThrow('[INTERNAL] Easel gave no answer.');
  });

  it('subscribes to events, passing the payload only, and unsubscribes', async () => {
    const api = await loadApi();
    const seen: unknown[] = [];
    const stop = api.on('jobs.changed', (job) => seen.push(job));
    expect(electron.module.ipcRenderer.on).toHaveBeenCalledWith('easel:event:jobs.changed', expect.any(Function));
    electron.emit('easel:event:jobs.changed', { sender: electron.module.ipcRenderer }, { id: 'j1' });
    expect(seen).toEqual([{ id: 'j1' }]);
    stop();
    stop();
    expect(electron.module.ipcRenderer.removeListener).toHaveBeenCalledTimes(1);
    electron.emit('easel:event:jobs.changed', {}, { id: 'j2' });
    expect(seen).toEqual([{ id: 'j1' }]);
    for (const event of EVENTS) expect(typeof api.on(event, () => {})).toBe('function');
  });

  it('refuses unknown events and non-function listeners', async () => {
    const api = await loadApi();
    expect(() => (api.on as (e: string, l: unknown) => void)('keys.leaked', () => {})).toThrow(TypeError);
    expect(() => (api.on as (e: string, l: unknown) => void)('jobs.changed', 'not a function')).toThrow(TypeError);
    expect(() => (api.on as (e: string, l: unknown) => void)('easel:event:jobs.changed', () => {})).toThrow(TypeError);
  });

  it('gives the path of a dropped file through webUtils, or an empty string', async () => {
    const api = await loadApi();
    expect(api.files.pathFor({ name: 'ref.png' } as File)).toBe('/home/ada/Pictures/ref.png');
    electron.module.webUtils.getPathForFile.mockImplementationOnce(() => {
      throw new Error('not a File');
    });
    expect(api.files.pathFor({} as File)).toBe('');
  });
});
