// Reading and writing the JSON record beside each picture. The sidecar is the library's source
// of truth (the index is rebuilt from it), so it is written atomically and always parsed with
// the schema when read: a file a person edited by hand or a sync tool mangled must never reach
// the index half-understood.
import { readFileSync, promises as fs } from 'node:fs';
import { SidecarSchema, type Sidecar } from '../../../shared/domain';
import { writeJsonAtomic } from '../fs/atomic-write';
import { isPlainBaseName } from './library-layout';

export type SidecarRead =
  /** `raw` is the file's JSON as written, kept so a rewrite preserves fields this version of Easel does not know. */
  | { ok: true; sidecar: Sidecar; raw: Record<string, unknown> }
  | { ok: false; reason: string };

/** Temp file in the same folder, fsync, rename: a crash leaves the old sidecar or the new one. */
export async function writeSidecar(sidecarPath: string, sidecar: Sidecar | Record<string, unknown>): Promise<void> {
  await writeJsonAtomic(sidecarPath, sidecar);
}

export async function readSidecar(sidecarPath: string): Promise<SidecarRead> {
  let text: string;
  try {
    text = await fs.readFile(sidecarPath, 'utf8');
  } catch (error) {
    return { ok: false, reason: `cannot be read (${errorCode(error)})` };
  }
  return parseSidecarText(text);
}

/** Synchronous twin for reindexing, which walks thousands of small files in one go. */
export function readSidecarSync(sidecarPath: string): SidecarRead {
  let text: string;
  try {
    text = readFileSync(sidecarPath, 'utf8');
  } catch (error) {
    return { ok: false, reason: `cannot be read (${errorCode(error)})` };
  }
  return parseSidecarText(text);
}

export function parseSidecarText(text: string): SidecarRead {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'is not valid JSON' };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, reason: 'is not a JSON object' };
  const parsed = SidecarSchema.safeParse(json);
  if (!parsed.success) {
    const all = parsed.error.issues;
    const shown = all.slice(0, 3).map((i) => `${i.path.join('.') || 'record'}: ${i.message}`);
    const more = all.length > shown.length ? `; ${all.length - shown.length} more` : '';
    return { ok: false, reason: `is not an Easel sidecar (${shown.join('; ')}${more})` };
  }
  if (!isPlainBaseName(parsed.data.file)) {
    return { ok: false, reason: `names its picture "${parsed.data.file}", which is not a plain file name` };
  }
  return { ok: true, sidecar: parsed.data, raw: json as Record<string, unknown> };
}

function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}
