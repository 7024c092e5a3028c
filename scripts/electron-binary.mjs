// Finds the Electron binary that `npm install electron` downloaded, without downloading it.
//
// We do not `require('electron')` to ask: when the binary is missing, the electron package's
// index.js tries to download it on the spot (network, a progress line, then a stack trace)
// and throws. This reads the same two facts it reads (path.txt and dist/, or
// ELECTRON_OVERRIDE_DIST_PATH) and only answers.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const MISSING_ELECTRON_MESSAGE =
  "Easel's desktop app needs the Electron binary, which is not installed here (it was skipped with " +
  'ELECTRON_SKIP_BINARY_DOWNLOAD or the download failed). Install it with `npm install electron` on a ' +
  'machine with internet access — or use the command line, which needs no binary: ' +
  '`npm run --silent cli -- --help`.';

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
    // No path.txt: the install step never finished.
  }
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  let candidate = null;
  if (override) candidate = path.join(override, relative || 'electron');
  else if (relative) candidate = path.join(packageDir, 'dist', relative);
  return candidate !== null && existsSync(candidate) ? candidate : null;
}
