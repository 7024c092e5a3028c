import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronBinary, MISSING_ELECTRON_MESSAGE } from '../../scripts/electron-binary.mjs';

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

describe('npm start without the Electron binary', () => {
  it('prints one clear line pointing to the CLI and exits 1, with no stack trace', () => {
    const env = { ...process.env };
    delete env.ELECTRON_OVERRIDE_DIST_PATH;
    const result = spawnSync(process.execPath, ['scripts/start.mjs'], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });

    // This checkout is installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1; skip where a binary exists.
    if (findElectronBinary() !== null) return;
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe(MISSING_ELECTRON_MESSAGE);
    expect(result.stderr).toContain('npm run --silent cli -- --help');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr).not.toMatch(/Downloading|Error:/);
  });
});
