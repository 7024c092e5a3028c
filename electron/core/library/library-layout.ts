// Where a picture lives in the library:
//   <root>/<YYYY>/<MM>/<YYYY-MM-DD>_<prompt-slug>_<short-id>.<ext>   the vendor's bytes
//   <root>/<YYYY>/<MM>/<YYYY-MM-DD>_<prompt-slug>_<short-id>.json    its sidecar
// Everything here is a pure function of the job record and the result index, so the job runner
// computes the same target after a crash and resumes the download into the same place.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { GenerationRequest, JobRecord } from '../../../shared/domain';
import { promptSlug } from './prompt-slug';

/**
 * The only parts of a job that decide where its pictures go. Nothing that changes while a job
 * runs (state, vendor ids, timings) may appear here, or a resumed download would move.
 */
export type LayoutJob = Pick<JobRecord, 'id' | 'createdAt'> & { request: Pick<GenerationRequest, 'prompt'> };

export interface LibraryTarget {
  /** Absolute path of the picture. */
  path: string;
  /** Absolute path of its JSON sidecar. */
  sidecarPath: string;
  /** Stable id of this picture: the same job and index always give the same id. */
  imageId: string;
}

/** Extensions are produced by Easel's own image probe; anything else is a bug upstream. */
const EXT_PATTERN = /^[a-z0-9]{1,8}$/;

/**
 * The id shown in the file name: 8 characters of the job, then the result index. Job ids are
 * UUIDs, whose first 8 hex digits match what Activity shows; other ids are hashed so the name
 * stays short, lower-case and free of characters a file system might mind.
 */
export function shortIdFor(jobId: string, index: number): string {
  assertIndex(index);
  const head = /^[0-9a-f]{8}/.test(jobId) ? jobId.slice(0, 8) : createHash('sha256').update(jobId).digest('hex').slice(0, 8);
  return `${head}-${index}`;
}

/**
 * The library's key for a picture. Unlike the short id it carries the whole job id, so two jobs
 * can never share one. The index is numeric and comes last, so the pair is recoverable.
 */
export function imageIdFor(jobId: string, index: number): string {
  assertIndex(index);
  return `${jobId}_${index}`;
}

/** Year, month and day (UTC) of an ISO timestamp, zero-padded for file names. */
export function datePartsOf(timestamp: string): { year: string; month: string; day: string } {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) throw new RangeError(`"${timestamp}" is not a valid timestamp for a library file name.`);
  return {
    year: String(date.getUTCFullYear()).padStart(4, '0'),
    month: String(date.getUTCMonth() + 1).padStart(2, '0'),
    day: String(date.getUTCDate()).padStart(2, '0'),
  };
}

/** The folder a picture created at `createdAt` belongs in. */
export function folderFor(root: string, createdAt: string): string {
  const { year, month } = datePartsOf(createdAt);
  return path.join(path.resolve(root), year, month);
}

/** The file name without extension: shared by the picture and its sidecar. */
export function stemFor(job: LayoutJob, index: number): string {
  const { year, month, day } = datePartsOf(job.createdAt);
  return `${year}-${month}-${day}_${promptSlug(job.request.prompt)}_${shortIdFor(job.id, index)}`;
}

export function targetFor(root: string, job: LayoutJob, index: number, ext: string): LibraryTarget {
  const cleanExt = ext.replace(/^\./, '').toLowerCase();
  if (!EXT_PATTERN.test(cleanExt)) throw new RangeError(`"${ext}" is not a file extension the library accepts.`);
  const folder = folderFor(root, job.createdAt);
  const stem = stemFor(job, index);
  return {
    path: path.join(folder, `${stem}.${cleanExt}`),
    sidecarPath: path.join(folder, `${stem}.json`),
    imageId: imageIdFor(job.id, index),
  };
}

/**
 * Where the sidecar of a saved picture goes: beside the picture, named after its stem. `file`
 * is the picture's base name as recorded in the sidecar.
 */
export function sidecarPathFor(root: string, createdAt: string, file: string): string {
  assertBaseName(file);
  return path.join(folderFor(root, createdAt), `${stemOfFile(file)}.json`);
}

export function stemOfFile(file: string): string {
  const ext = path.extname(file);
  return ext ? file.slice(0, -ext.length) : file;
}

/**
 * A sidecar names its picture by base name only; anything with a separator could point outside
 * the library (the custom protocol serving pictures trusts the index to stay inside the root).
 */
export function isPlainBaseName(file: string): boolean {
  return file.length > 0 && file !== '.' && file !== '..' && !/[/\\\0]/.test(file);
}

export function assertBaseName(file: string): void {
  if (!isPlainBaseName(file)) throw new RangeError(`"${file}" is not a plain file name.`);
}

/** Synchronous on purpose: `targetFor` is called between awaits and must return a usable folder. */
export function ensureDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
}

function assertIndex(index: number): void {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`Result index must be a non-negative integer, not ${index}.`);
}
