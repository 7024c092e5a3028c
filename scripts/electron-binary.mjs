// Finds the Electron binary, and fetches it on the first start where that is allowed.
//
// Electron 45's package has no install step: its binary is downloaded the first time something
// asks for it (the package's install.js, which `electron` and `npx install-electron` run). So a
// fresh `npm install && npm start` has no binary yet, and `npm start` runs that same installer,
// once, before opening the app. Where downloads are turned off (ELECTRON_SKIP_BINARY_DOWNLOAD, as
// offline and in CI) or the download fails, it says so in plain words and points to the CLI.
//
// We do not `require('electron')` to ask: when the binary is missing, the electron package's
// index.js downloads on the spot and throws a stack trace when it cannot. This reads the same two
// facts it reads (path.txt and dist/, or ELECTRON_OVERRIDE_DIST_PATH) and only answers.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const CLI_HINT = 'or use the command line, which needs no binary: `npm run --silent cli -- --help`.';

export const SKIPPED_ELECTRON_MESSAGE =
  "Easel's desktop app needs the Electron binary, and downloading it is turned off here " +
  '(ELECTRON_SKIP_BINARY_DOWNLOAD is set). On a machine that can download it, run `npm start` without ' +
  `that variable (or \`npx install-electron\` once), ${CLI_HINT}`;

/** @param {string} reason */
export function failedElectronMessage(reason) {
  return (
    `Easel's desktop app needs the Electron binary, and downloading it failed (${reason}). Check the ` +
    `connection or proxy (ELECTRON_MIRROR points to a mirror) and run \`npm start\` again, ${CLI_HINT}`
  );
}

/** The installed electron package's folder, or null when the package itself is missing. */
export function electronPackageDir(fromUrl = import.meta.url) {
  try {
    return path.dirname(createRequire(fromUrl).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * The absolute path of an Electron executable that exists, or null.
 * @param {{ packageDir?: string | null, env?: NodeJS.ProcessEnv }} [options]
 * @returns {string | null}
 */
export function findElectronBinary({ packageDir = electronPackageDir(), env = process.env } = {}) {
  if (packageDir === null) return null;
  let relative = null;
  try {
    relative = readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim();
  } catch {
    // No path.txt: the binary was never downloaded.
  }
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  let candidate = null;
  if (override) candidate = path.join(override, relative || 'electron');
  else if (relative) candidate = path.join(packageDir, 'dist', relative);
  return candidate !== null && existsSync(candidate) ? candidate : null;
}

/**
 * Runs the electron package's own installer (it downloads the binary matching the package's
 * version and checks it against the package's checksums).
 * @param {string} packageDir
 * @returns {{ ok: true } | { ok: false, reason: string }}
 */
export function runElectronInstaller(packageDir) {
  const result = spawnSync(process.execPath, [path.join(packageDir, 'install.js')], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (result.status === 0) return { ok: true };
  // Its error is a stack trace; the first line says what happened ("TypeError: fetch failed").
  const first = (result.stderr ?? '').split('\n').find((line) => line.trim() !== '') ?? `exit status ${result.status}`;
  return { ok: false, reason: first.replace(/^\w*Error:\s*/, '').trim() };
}

const isSet = (value) => value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';

/**
 * The Electron binary, downloaded first if it is missing and downloads are allowed.
 * @param {{ packageDir?: string | null, env?: NodeJS.ProcessEnv, install?: (packageDir: string) => ({ ok: true } | { ok: false, reason: string }), say?: (line: string) => void }} [options]
 * @returns {{ binary: string } | { binary: null, message: string }}
 */
export function ensureElectronBinary({ packageDir = electronPackageDir(), env = process.env, install = runElectronInstaller, say = (line) => console.error(line) } = {}) {
  const found = findElectronBinary({ packageDir, env });
  if (found !== null) return { binary: found };
  if (packageDir === null) return { binary: null, message: failedElectronMessage('the electron package is not installed; run `npm install`') };
  if (isSet(env.ELECTRON_SKIP_BINARY_DOWNLOAD)) return { binary: null, message: SKIPPED_ELECTRON_MESSAGE };
  say('Downloading the Electron binary (the first start only)…');
  const installed = install(packageDir);
  if (!installed.ok) return { binary: null, message: failedElectronMessage(installed.reason) };
  const binary = findElectronBinary({ packageDir, env });
  return binary !== null ? { binary } : { binary: null, message: failedElectronMessage('the installer finished, but no binary is where it said') };
}
