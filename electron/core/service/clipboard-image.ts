// The picture as PNG bytes for the clipboard: the one image type every OS clipboard and every
// paste target understands. A PNG is passed through untouched; JPEG, WebP and GIF (first frame)
// are converted on the way.
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { sniffImageType } from '../images/image-type';

export async function clipboardPng(filePath: string): Promise<Buffer> {
  const bytes = await readFile(filePath);
  if (sniffImageType(bytes.subarray(0, 12))?.mime === 'image/png') return bytes;
  return sharp(bytes, { failOn: 'error' }).png().toBuffer();
}
