// Reading back what the CLI wrote to its data folder: picture bytes, sidecars and job records.
// The specs compare these with what the emulator served, so they all read them one way.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

export async function sha256Of(file: string): Promise<string> {
  return createHash('sha256').update(await fs.readFile(file)).digest('hex');
}

/** The digests of saved pictures, in the order given. */
export function sha256sOf(images: readonly { path: string }[]): Promise<string[]> {
  return Promise.all(images.map((image) => sha256Of(image.path)));
}

/** JSON the CLI wrote; the caller names the shape it relies on, since the file is outside the type system. */
export async function readJsonFile<T>(file: string): Promise<T> {
  return JSON.parse(await fs.readFile(file, 'utf8')) as T;
}

/** The generation record saved beside a picture: same name, .json instead of the picture's extension. */
export function sidecarOf(imagePath: string): Promise<Record<string, unknown>> {
  return readJsonFile(imagePath.replace(/\.\w+$/, '.json'));
}

/** A job's record in the data folder's jobs directory. */
export function jobRecordOf<T>(jobsDir: string, jobId: string): Promise<T> {
  return readJsonFile<T>(path.join(jobsDir, `${jobId}.json`));
}
