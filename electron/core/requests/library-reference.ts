// A picture from the library can be a reference for an API that only takes URLs, as long as the
// vendor still serves it: its sidecar records the vendor URL and when that URL expires. This
// is what lets a person remix a recent result on gpt4o or nano-banana without re-uploading it.
import path from 'node:path';
import { readSidecar } from '../library/sidecar-file';
import { stemOfFile } from '../library/library-layout';

/** A link that dies within the hour may die before the vendor fetches it. */
const SAFETY_MARGIN_MS = 3600_000;

export type LibraryUrlLookup = { kind: 'alive'; url: string } | { kind: 'expired'; expiredAt: string } | { kind: 'not-in-library' };

export async function vendorUrlOf(file: string, now = Date.now()): Promise<LibraryUrlLookup> {
  const sidecarPath = path.join(path.dirname(file), `${stemOfFile(path.basename(file))}.json`);
  const read = await readSidecar(sidecarPath);
  if (!read.ok || read.sidecar.file !== path.basename(file)) return { kind: 'not-in-library' };
  const expires = read.sidecar.vendorUrlExpiresAt;
  if (!/^https?:\/\//.test(read.sidecar.vendorUrl)) return { kind: 'not-in-library' };
  if (expires && Date.parse(expires) - now < SAFETY_MARGIN_MS) return { kind: 'expired', expiredAt: expires };
  return { kind: 'alive', url: read.sidecar.vendorUrl };
}
