// The CI gate around @doyensec/electronegativity: it reads the CommonJS preload too, fails on an
// unexplained finding, and every explanation on file says why.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('electronegativity gate', () => {
  it('keeps a reason with every suppression and exclusion', async () => {
    const config = JSON.parse(await readFile(path.join(root, 'scripts/electronegativity-suppressions.json'), 'utf8')) as {
      excludedChecks: Array<{ check: string; reason: string }>;
      suppressions: Array<{ check: string; file: string; reason: string }>;
    };
    for (const entry of [...config.excludedChecks, ...config.suppressions]) expect(entry.reason.length, entry.check).toBeGreaterThanOrEqual(40);
    for (const entry of config.suppressions) expect(entry.file).toMatch(/^(main|preload|renderer)\//);
  });

  it('fails on a finding in the preload bundle that nobody explained', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'easel-eng-'));
    await mkdir(path.join(dir, 'main'));
    await mkdir(path.join(dir, 'preload'));
    await mkdir(path.join(dir, 'renderer'));
    await writeFile(path.join(dir, 'main', 'main.js'), 'export const nothing = 1;\n');
    await writeFile(
      path.join(dir, 'preload', 'preload.cjs'),
      'const { BrowserWindow } = require("electron");\nnew BrowserWindow({ webPreferences: { contextIsolation: false } });\n',
    );
    await writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>x</title>\n');
    const result = spawnSync(process.execPath, ['scripts/electronegativity-check.mjs', dir], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/HIGH CONTEXT_ISOLATION_JS_CHECK in preload\/preload\.cjs:2 is not explained/);
    // The suppressions written for the real build do not match this one: they are reported as stale.
    expect(result.stderr).toMatch(/matches no finding any more/);
  }, 60_000);
});
