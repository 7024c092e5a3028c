// The picture library: files on disk (each picture with its JSON sidecar) are the record, and a
// SQLite index makes them searchable. Every change goes to the sidecar first and to the index
// second, so a crash between the two leaves the files right and the index merely behind, which
// a rebuild repairs. The library never deletes a person's files: `remove` only forgets them and
// hands the paths back for the caller to move to the OS trash.
//
// Index calls are synchronous (libsql is); the file writes that must survive a crash are async.
import path from 'node:path';
import { SidecarSchema, type Sidecar } from '../../../shared/domain';
import { EaselError } from '../errors/easel-error';
import { createKeyedLock } from './keyed-lock';
import { openLibraryIndex } from './library-index';
import { itemFromSidecar, type LibraryItem } from './library-item';
import { ensureDir, sidecarPathFor, targetFor, type LayoutJob, type LibraryTarget } from './library-layout';
import { toIndexFilter, toIndexPage, type LibraryQuery } from './library-query';
import { scanLibrary, type SkippedFile } from './library-scan';
import { readSidecar, writeSidecar } from './sidecar-file';

export type { LibraryItem } from './library-item';
export type { LibraryQuery } from './library-query';
export type { LayoutJob, LibraryTarget } from './library-layout';
export type { SkippedFile } from './library-scan';

export interface LibraryOptions {
  /** The folder holding the pictures. */
  root: string;
  /** The index database file; anywhere, typically in the app's data folder. */
  indexPath: string;
}

export interface ReindexReport {
  indexed: number;
  skipped: SkippedFile[];
}

/** What `remove` forgot: the files are still on disk, for the caller to move to the trash. */
export interface RemovedImage {
  imageId: string;
  path: string;
  sidecarPath: string;
}

export interface Library {
  readonly root: string;
  /** Where a job's result goes; the folder exists when this returns. */
  targetFor(job: LayoutJob, index: number, ext: string): LibraryTarget;
  /** Writes the sidecar beside its picture, then indexes it. Adding the same imageId again updates it. */
  add(sidecar: Sidecar): Promise<void>;
  /** Newest first. */
  search(query?: LibraryQuery): LibraryItem[];
  /** How many pictures match, ignoring `limit` and `offset`. */
  count(query?: LibraryQuery): number;
  get(imageId: string): LibraryItem | null;
  /** Records the favourite in the sidecar, then in the index. `null` when the picture is unknown. */
  setFavorite(imageId: string, on: boolean): Promise<LibraryItem | null>;
  /**
   * Forgets a picture (index only) and returns its paths for the caller to move to the OS trash;
   * until they are moved, a reindex finds it again. `null` when it was not in the library.
   */
  remove(imageId: string): RemovedImage | null;
  /** Rebuilds the index from the sidecars under `root`. */
  reindex(): ReindexReport;
  close(): void;
}

export function createLibrary(options: LibraryOptions): Library {
  const root = path.resolve(options.root);
  const index = openLibraryIndex(path.resolve(options.indexPath), root);
  const lock = createKeyedLock();

  const reindex = (): ReindexReport => {
    const scan = scanLibrary(root);
    index.replaceAll(scan.items);
    return { indexed: scan.items.length, skipped: scan.skipped };
  };

  // A new, outdated or damaged index starts empty; so does one whose pictures were copied in
  // from elsewhere. Walking an empty folder costs nothing, so an empty index always looks.
  if (index.stale || index.count(toIndexFilter({})) === 0) reindex();

  return {
    root,

    targetFor(job, resultIndex, ext) {
      const target = targetFor(root, job, resultIndex, ext);
      ensureDir(path.dirname(target.path));
      return target;
    },

    async add(input) {
      const parsed = SidecarSchema.safeParse(input);
      if (!parsed.success) {
        throw new EaselError('INVALID_INPUT', `This picture's record is incomplete: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`);
      }
      const sidecar = parsed.data;
      let sidecarPath: string;
      try {
        sidecarPath = sidecarPathFor(root, sidecar.createdAt, sidecar.file);
      } catch (error) {
        throw new EaselError('INVALID_INPUT', `This picture's record cannot be placed in the library: ${error instanceof Error ? error.message : String(error)}`);
      }
      await lock(sidecar.imageId, async () => {
        await writeSidecar(sidecarPath, sidecar);
        index.upsert(itemFromSidecar(sidecar, sidecarPath));
      });
    },

    search: (query = {}) => index.search(toIndexFilter(query), toIndexPage(query)),
    count: (query = {}) => index.count(toIndexFilter(query)),
    get: (imageId) => index.get(imageId),

    setFavorite(imageId, on) {
      return lock(imageId, async () => {
        const item = index.get(imageId);
        if (!item) return null;
        // Read the sidecar again rather than trusting the index: the file is the record, and
        // another program may have changed it since it was indexed.
        const read = await readSidecar(item.sidecarPath);
        if (!read.ok) {
          throw new EaselError('NOT_FOUND', `The favourite could not be saved: the record beside this picture ${read.reason} (${item.sidecarPath}).`);
        }
        if (read.sidecar.imageId !== imageId) {
          throw new EaselError('NOT_FOUND', `The favourite could not be saved: ${item.sidecarPath} now describes another picture. Rebuild the library index.`);
        }
        // The raw JSON is rewritten, not the parsed record, so fields this version does not know survive.
        if (read.sidecar.favorite !== on) await writeSidecar(item.sidecarPath, { ...read.raw, favorite: on });
        const updated = itemFromSidecar({ ...read.sidecar, favorite: on }, item.sidecarPath);
        index.upsert(updated);
        return updated;
      });
    },

    remove(imageId) {
      const item = index.get(imageId);
      if (!item) return null;
      index.delete(imageId);
      return { imageId, path: item.path, sidecarPath: item.sidecarPath };
    },

    reindex,
    close: () => index.close(),
  };
}
