// Where Easel keeps its state. The desktop app passes its own paths (Electron's userData and
// the OS pictures folder); the CLI and tests use EASEL_DATA_DIR or a per-user default.
import os from 'node:os';
import path from 'node:path';

export interface Paths {
  /** Job records, the library index, settings. */
  dataDir: string;
  /** The person's pictures and their sidecars. */
  libraryDir: string;
}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Easel');
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Easel');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'easel');
}

export function cliPaths(env: NodeJS.ProcessEnv = process.env): Paths {
  const dataDir = path.resolve(env.EASEL_DATA_DIR?.trim() || defaultDataDir(env));
  const libraryDir = env.EASEL_LIBRARY_DIR?.trim() ? path.resolve(env.EASEL_LIBRARY_DIR) : path.join(dataDir, 'library');
  return { dataDir, libraryDir };
}
