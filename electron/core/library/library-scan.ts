// Walks the library folder and reads every sidecar, to rebuild the index from the files. Nothing
// found here is fatal: a sidecar that cannot be understood, a picture without one, or one
// without its picture is reported and left out, so one damaged file never hides the rest.
import { existsSync, readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { itemFromSidecar, type LibraryItem } from './library-item';
import { readSidecarSync } from './sidecar-file';

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface LibraryScan {
  items: LibraryItem[];
  skipped: SkippedFile[];
}

/** What Easel saves (the image probe's formats) and what a person may drop beside them. */
const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.webp', '.gif', '.avif', '.heic', '.heif', '.bmp', '.tif', '.tiff']);

export function scanLibrary(root: string): LibraryScan {
  const scan: LibraryScan = { items: [], skipped: [] };
  const seen = new Map<string, string>();
  walk(root, scan, seen);
  return scan;
}

function walk(dir: string, scan: LibraryScan, seen: Map<string, string>): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') scan.skipped.push({ path: dir, reason: `This folder cannot be read (${errorCode(error)}).` });
    return;
  }
  // Sorted so that a rebuild reports (and resolves duplicates) the same way every time.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  const files = new Set<string>();
  const sidecars: string[] = [];
  const images: string[] = [];
  for (const entry of entries) {
    // Dot files are Easel's temp files (downloads in flight, atomic writes) and OS litter.
    // Symbolic links are not followed, so a link loop cannot trap the walk.
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      walk(full, scan, seen);
      continue;
    }
    if (!entry.isFile()) continue;
    files.add(entry.name);
    const ext = path.extname(entry.name).toLowerCase();
    if (ext === '.json') sidecars.push(entry.name);
    else if (IMAGE_EXTENSIONS.has(ext)) images.push(entry.name);
  }

  const described = new Set<string>();
  for (const name of sidecars) {
    const sidecarPath = path.join(dir, name);
    const read = readSidecarSync(sidecarPath);
    if (!read.ok) {
      scan.skipped.push({ path: sidecarPath, reason: `This sidecar ${read.reason}.` });
      continue;
    }
    const { sidecar } = read;
    described.add(sidecar.file);
    if (!files.has(sidecar.file) && !existsSync(path.join(dir, sidecar.file))) {
      scan.skipped.push({ path: sidecarPath, reason: `The picture it describes (${sidecar.file}) is not in this folder.` });
      continue;
    }
    if (Number.isNaN(Date.parse(sidecar.createdAt))) {
      scan.skipped.push({ path: sidecarPath, reason: `Its creation time "${sidecar.createdAt}" is not a valid date.` });
      continue;
    }
    const first = seen.get(sidecar.imageId);
    if (first !== undefined) {
      scan.skipped.push({ path: sidecarPath, reason: `It repeats picture ${sidecar.imageId}, already read from ${first}.` });
      continue;
    }
    seen.set(sidecar.imageId, sidecarPath);
    scan.items.push(itemFromSidecar(sidecar, sidecarPath));
  }

  for (const name of images) {
    if (described.has(name)) continue;
    scan.skipped.push({ path: path.join(dir, name), reason: 'No sidecar describes this picture, so its prompt and provider are unknown.' });
  }
}

function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}
