// Reads a local image file's true type and size, and proves it decodes. Used for references
// before upload and for downloads before they are moved into the library.
import { promises as fs } from 'node:fs';
import sharp from 'sharp';
import { MAGIC_BYTES_NEEDED, sniffImageType, type ImageType } from './image-type';

export interface ImageProbe extends ImageType {
  bytes: number;
  width: number;
  height: number;
}

export type ProbeFailure = { reason: 'missing' | 'not-image' | 'undecodable'; message: string };

export async function probeImageFile(file: string, displayName = file): Promise<ImageProbe | ProbeFailure> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    return { reason: 'missing', message: `${displayName} does not exist.` };
  }
  if (!stat.isFile()) return { reason: 'missing', message: `${displayName} is not a file.` };
  const handle = await fs.open(file, 'r');
  const head = Buffer.alloc(MAGIC_BYTES_NEEDED);
  try {
    await handle.read(head, 0, MAGIC_BYTES_NEEDED, 0);
  } finally {
    await handle.close();
  }
  const type = sniffImageType(head);
  if (!type) return { reason: 'not-image', message: `${displayName} is not an image (Easel accepts PNG, JPEG, WebP and GIF files).` };
  try {
    // A tiny resize forces a full decode (JPEG shrink-on-load keeps it cheap), which catches
    // truncated or corrupt files that still have valid headers.
    const image = sharp(file, { failOn: 'error' });
    const meta = await image.metadata();
    await image.resize(16, 16, { fit: 'inside' }).raw().toBuffer();
    if (!meta.width || !meta.height) throw new Error('no dimensions');
    return { ...type, bytes: stat.size, width: meta.width, height: meta.height };
  } catch {
    return { reason: 'undecodable', message: `${displayName} looks like a ${type.ext.toUpperCase()} file but cannot be decoded (it may be damaged or incomplete).` };
  }
}

export function isProbeFailure(value: ImageProbe | ProbeFailure): value is ProbeFailure {
  return 'reason' in value;
}
