// Where the desktop app keeps things: its state in Electron's userData folder, pictures in
// Pictures/Easel unless the person chose another folder. EASEL_DATA_DIR and EASEL_LIBRARY_DIR
// override both, as they do for the CLI, so a developer can point the app at a scratch folder.
import path from 'node:path';
import type { Paths } from '../core/config/data-paths';

export interface DesktopPathInput {
  userData: string;
  pictures: string;
  env: NodeJS.ProcessEnv;
}

export function desktopDataDir(input: DesktopPathInput): string {
  return path.resolve(input.env.EASEL_DATA_DIR?.trim() || input.userData);
}

export function defaultLibraryDir(input: DesktopPathInput): string {
  return path.resolve(input.env.EASEL_LIBRARY_DIR?.trim() || path.join(input.pictures, 'Easel'));
}

export function desktopPaths(input: DesktopPathInput, configuredLibraryDir: string | null): Paths {
  return { dataDir: desktopDataDir(input), libraryDir: configuredLibraryDir ? path.resolve(configuredLibraryDir) : defaultLibraryDir(input) };
}
