import os from 'node:os';
import path from 'node:path';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createSettingsStore } from '../../../electron/core/settings/settings-store';
import type { SettingsChange } from '../../../shared/contract-settings';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function freshDir(): Promise<string> {
  dir = await mkdtemp(path.join(os.tmpdir(), 'easel-settings-'));
  return dir;
}

describe('settings store', () => {
  it('starts from defaults and keeps changes across restarts, in <dataDir>/settings.json', async () => {
    const dataDir = await freshDir();
    const store = createSettingsStore({ dataDir });
    expect(store.get()).toEqual({
      theme: 'system',
      libraryDir: null,
      baseUrls: {},
      notifications: { enabled: true, onlyWhenUnfocused: true },
      keyStorage: { allowBasicText: false },
    });
    store.update({ theme: 'dark', notifications: { onlyWhenUnfocused: false }, baseUrls: { kvid: 'https://eu.kvid.example/' } });
    expect(store.path).toBe(path.join(dataDir, 'settings.json'));
    const again = createSettingsStore({ dataDir });
    expect(again.get()).toMatchObject({ theme: 'dark', notifications: { enabled: true, onlyWhenUnfocused: false }, baseUrls: { kvid: 'https://eu.kvid.example/' } });
  });

  it('removes a base URL override with null', async () => {
    const store = createSettingsStore({ dataDir: await freshDir() });
    store.update({ baseUrls: { unified: 'https://api.unified.example' } });
    store.update({ baseUrls: { unified: null } });
    expect(store.get().baseUrls).toEqual({});
  });

  it.each([
    ['a file: URL', { baseUrls: { revid: 'file:///etc/passwd' } }],
    ['a javascript: URL', { baseUrls: { revid: 'javascript:alert(1)' } }],
    ['a URL with a password', { baseUrls: { revid: 'https://me:secret@proxy.example' } }],
    ['not a URL', { baseUrls: { revid: 'api.revidapi.com' } }],
    ['the sandbox', { baseUrls: { sandbox: 'https://x.example' } }],
    ['a relative library folder', { libraryDir: 'Pictures/Easel' }],
    ['an unknown theme', { theme: 'sepia' }],
    ['an unknown field', { colour: 'blue' }],
  ])('refuses %s with a clear message and changes nothing', async (_what, patch) => {
    const store = createSettingsStore({ dataDir: await freshDir() });
    expect(() => store.update(patch as unknown as SettingsChange)).toThrow(/These settings are not valid/);
    expect(store.get().baseUrls).toEqual({});
  });

  it('accepts absolute library folders on every OS', async () => {
    const store = createSettingsStore({ dataDir: await freshDir() });
    for (const folder of ['/home/ada/Pictures/Easel', 'C:\\Users\\Ada\\Pictures\\Easel', 'D:/Art', '\\\\nas\\share\\Easel']) {
      expect(store.update({ libraryDir: folder }).libraryDir).toBe(folder);
    }
  });

  it('tells listeners about changes', async () => {
    const store = createSettingsStore({ dataDir: await freshDir() });
    const seen: string[] = [];
    const stop = store.onChange((settings) => seen.push(settings.theme));
    store.update({ theme: 'light' });
    stop();
    store.update({ theme: 'dark' });
    expect(seen).toEqual(['light']);
  });

  it('survives a hand-edited file: a bad field reads as its default, the rest is kept', async () => {
    const dataDir = await freshDir();
    await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ theme: 'neon', baseUrls: { revid: 'https://ok.example' } }));
    expect(createSettingsStore({ dataDir }).get()).toMatchObject({ theme: 'system', baseUrls: { revid: 'https://ok.example' } });
    await writeFile(path.join(dataDir, 'settings.json'), '{ not json');
    const store = createSettingsStore({ dataDir });
    expect(store.get().theme).toBe('system');
    store.update({ theme: 'light' });
    expect(JSON.parse(await readFile(path.join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({ theme: 'light' });
  });
});
