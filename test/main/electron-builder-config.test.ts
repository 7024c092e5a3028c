import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// electron-builder.yml is read with the `yaml` package (a devDependency). Loaded by name at run
// time so that, until it is installed, this file reports its tests as skipped instead of failing.
type ParseYaml = (text: string) => unknown;

async function loadYamlParser(): Promise<ParseYaml | null> {
  const specifier = 'yaml';
  try {
    const loaded: unknown = await import(/* @vite-ignore */ specifier);
    const parse = (loaded as { parse?: unknown }).parse;
    return typeof parse === 'function' ? (parse as ParseYaml) : null;
  } catch {
    return null;
  }
}

const parseYaml = await loadYamlParser();

interface BuilderConfig {
  appId?: string;
  productName?: string;
  asar?: boolean;
  asarUnpack?: string[];
  files?: string[];
  npmRebuild?: boolean;
  directories?: { output?: string; buildResources?: string };
  linux?: { target?: string[]; category?: string; icon?: string; maintainer?: string };
  mac?: { target?: string[]; icon?: string };
  win?: { target?: string[]; icon?: string };
  electronFuses?: Record<string, boolean>;
}

async function readConfig(): Promise<BuilderConfig> {
  if (parseYaml === null) throw new Error('the yaml package is not installed');
  const text = await readFile(new URL('../../electron-builder.yml', import.meta.url), 'utf8');
  return parseYaml(text) as BuilderConfig;
}

describe.skipIf(parseYaml === null)('electron-builder.yml (read with the yaml devDependency)', () => {
  it('names the app and writes installers to release/', async () => {
    const config = await readConfig();
    expect(config.appId).toBe('app.easel.studio');
    expect(config.productName).toBe('Easel');
    expect(config.directories?.output).toBe('release');
  });

  it('builds AppImage and deb for Linux, dmg for macOS and nsis for Windows', async () => {
    const config = await readConfig();
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Graphics');
    expect(config.linux?.maintainer).toMatch(/<[^>]+@[^>]+>/);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
  });

  it('packs the built app in an asar, with the native modules unpacked and not rebuilt', async () => {
    const config = await readConfig();
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json']));
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/libsql/**', 'node_modules/sharp/**']));
    expect(config.npmRebuild).toBe(false);
  });

  it('takes its icons from resources/, which hold a 512x512 PNG', async () => {
    const config = await readConfig();
    for (const platform of [config.linux, config.mac, config.win]) expect(platform?.icon).toBe('resources/icon.png');
    const png = await readFile(new URL('../../resources/icon.png', import.meta.url));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it('flips the fuses a packaged app does not need open', async () => {
    const config = await readConfig();
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('is a configuration electron-builder accepts, so `electron-builder --dir` can run on a machine with Electron', async () => {
    const config = await readConfig();
    // electron-builder's own schema check, the first thing `electron-builder --dir` does (offline).
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // The unpacked app holds exactly what `npm run build` makes.
    expect(config.files).toEqual(expect.arrayContaining(['out/**']));
    expect(config.directories?.buildResources).toBe('resources');
  });
});
