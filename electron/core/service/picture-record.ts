// Reads what the detail view of one picture needs beyond the index: the sidecar beside it (the
// library's source of truth), how many pictures its job asked for, and the state on disk of the
// files it was made from. Everything is read when asked, so the view says how things are now
// (a reference deleted since, a sidecar edited by hand), and a failure to read any of it makes
// that fact unknown rather than the picture unreachable.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Sidecar } from '../../../shared/domain';
import { MAGIC_BYTES_NEEDED, sniffImageType } from '../images/image-type';
import type { LibraryItem } from '../library/library';
import { stemOfFile } from '../library/library-layout';
import { readSidecar } from '../library/sidecar-file';
import type { PictureRecordFacts, ReferenceFacts } from './library-views';

export interface PictureRecordDeps {
  /** `count` of the job's request, or null when the job's record is gone. */
  jobCount(jobId: string): Promise<number | null>;
}

export async function readPictureRecord(item: LibraryItem, deps: PictureRecordDeps): Promise<PictureRecordFacts> {
  const read = await readSidecar(item.sidecarPath);
  let sidecar: Sidecar | null = null;
  let problem: string | undefined;
  if (!read.ok) problem = `The record beside this picture ${read.reason}.`;
  else if (read.sidecar.imageId !== item.imageId) problem = 'The record beside this picture now describes another picture. Rebuild the library index.';
  else sidecar = read.sidecar;

  const jobCount = await deps.jobCount(item.jobId).catch(() => null);
  const siblingCount = jobCount === null ? await countSiblings(item) : item.index + 1;
  const references = new Map<string, ReferenceFacts>();
  for (const reference of sidecar?.references ?? []) {
    if (reference.kind === 'file' && !references.has(reference.path)) references.set(reference.path, await referenceFacts(reference.path));
  }
  return { sidecar, ...(problem !== undefined ? { problem } : {}), jobCount, siblingCount, references };
}

/**
 * A job's pictures share a folder and a name up to the result index (<stem>-<index>.json), so
 * the others are found by name and confirmed by their own sidecars. Pictures moved to the trash
 * are not found: the answer can be low, never high.
 */
async function countSiblings(item: LibraryItem): Promise<number> {
  const stem = stemOfFile(path.basename(item.sidecarPath));
  const prefix = stem.replace(/-\d+$/, '-');
  let count = item.index + 1;
  if (prefix === stem) return count;
  let names: string[];
  try {
    names = await fs.readdir(path.dirname(item.sidecarPath));
  } catch {
    return count;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.json') || !/^\d+$/.test(name.slice(prefix.length, -'.json'.length))) continue;
    const sibling = await readSidecar(path.join(path.dirname(item.sidecarPath), name));
    if (sibling.ok && sibling.sidecar.jobId === item.jobId) count = Math.max(count, sibling.sidecar.index + 1);
  }
  return count;
}

async function referenceFacts(file: string): Promise<ReferenceFacts> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch {
    return { onDisk: false };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { onDisk: false };
    const head = Buffer.alloc(MAGIC_BYTES_NEEDED);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const type = sniffImageType(head.subarray(0, bytesRead));
    const library = await libraryPictureAt(file);
    return { onDisk: true, bytes: stat.size, ...(type ? { mime: type.mime } : {}), ...(library ? { library } : {}) };
  } catch {
    return { onDisk: true };
  } finally {
    await handle.close().catch(() => {});
  }
}

/** The library picture a file is, known by the sidecar beside it naming it. */
async function libraryPictureAt(file: string): Promise<{ imageId: string; prompt: string } | null> {
  const read = await readSidecar(path.join(path.dirname(file), `${stemOfFile(path.basename(file))}.json`));
  if (!read.ok || read.sidecar.file !== path.basename(file)) return null;
  return { imageId: read.sidecar.imageId, prompt: read.sidecar.prompt };
}
