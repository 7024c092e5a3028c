import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureElectronBinary, findElectronBinary, SKIPPED_ELECTRON_MESSAGE } from '../../scripts/electron-binary.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const made: string[] = [];

async function fakeElectronPackage(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'easel-electron-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return dir;
}

afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('finding the Electron binary', () => {
  it('finds the executable that path.txt names under dist/', async () => {
    const dir = await fakeElectronPackage({ 'path.txt': 'electron', 'dist/electron': '' });
    expect(findElectronBinary({ packageDir: dir, env: {} })).toBe(path.join(dir, 'dist', 'electron'));
  });

  it('answers null, without downloading, when the download was skipped', async () => {
    const dir = await fakeElectronPackage({ 'package.json': '{}' });
    expect(findElectronBinary({ packageDir: dir, env: {} })).toBeNull();
  });

  it('answers null when path.txt names a binary that is not there', async () => {
    const dir = await fakeElectronPackage({ 'path.txt': 'electron' });
    expect(findElectronBinary({ packageDir: dir, env: {} })).toBeNull();
  });

  it('answers null when the electron package itself is missing', () => {
    expect(findElectronBinary({ packageDir: null, env: {} })).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH, as the electron package does', async () => {
    const dir = await fakeElectronPackage({ 'path.txt': 'electron', 'custom/electron': '' });
    const env = { ELECTRON_OVERRIDE_DIST_PATH: path.join(dir, 'custom') };
    expect(findElectronBinary({ packageDir: dir, env })).toBe(path.join(dir, 'custom', 'electron'));
  });
});

describe('the first start, with no binary yet', () => {
  // Electron 45 has no install step: a fresh `npm install` leaves no binary, and the first start fetches it.
  it('runs the electron package’s installer once, then answers the binary it put in place', async () => {
    const dir = await fakeElectronPackage({ 'package.json': '{}' });
    const said: string[] = [];
    const installs: string[] = [];
    const install = (packageDir: string) => {
      installs.push(packageDir);
      mkdirSync(path.join(packageDir, 'dist'), { recursive: true });
      writeFileSync(path.join(packageDir, 'dist', 'electron'), '');
      writeFileSync(path.join(packageDir, 'path.txt'), 'electron');
      return { ok: true as const };
    };
    const ensured = ensureElectronBinary({ packageDir: dir, env: {}, install, say: (line) => said.push(line) });
    expect(ensured).toEqual({ binary: path.join(dir, 'dist', 'electron') });
    expect(installs).toEqual([dir]);
    expect(said).toEqual(['Downloading the Electron binary (the first start only)…']);
    // Found from now on, with no second download.
    expect(ensureElectronBinary({ packageDir: dir, env: {}, install, say: () => {} })).toEqual({ binary: path.join(dir, 'dist', 'electron') });
    expect(installs).toHaveLength(1);
  });

  it('says why in one line, and points to the CLI, when the download fails', async () => {
    const dir = await fakeElectronPackage({ 'package.json': '{}' });
    const ensured = ensureElectronBinary({ packageDir: dir, env: {}, install: () => ({ ok: false, reason: 'fetch failed' }), say: () => {} });
    expect(ensured.binary).toBeNull();
    expect('message' in ensured && ensured.message).toMatch(/downloading it failed \(fetch failed\).*npm run --silent cli -- --help/);
  });

  it('downloads nothing where downloads are turned off', async () => {
    const dir = await fakeElectronPackage({ 'package.json': '{}' });
    let installed = false;
    const ensured = ensureElectronBinary({
      packageDir: dir,
      env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      install: () => {
        installed = true;
        return { ok: true };
      },
      say: () => {},
    });
    expect(installed).toBe(false);
    expect(ensured).toEqual({ binary: null, message: SKIPPED_ELECTRON_MESSAGE });
  });
});

describe('npm start without the Electron binary', () => {
  it('with downloads turned off, prints one clear line pointing to the CLI and exits 1, with no stack trace', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
    delete env.ELECTRON_OVERRIDE_DIST_PATH;
    const result = spawnSync(process.execPath, ['scripts/start.mjs'], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });

    // This checkout is installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1; skip where a binary exists.
    if (findElectronBinary() !== null) return;
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe(SKIPPED_ELECTRON_MESSAGE);
    expect(result.stderr).toContain('npm run --silent cli -- --help');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr).not.toMatch(/Downloading|Error:/);
  });
});
