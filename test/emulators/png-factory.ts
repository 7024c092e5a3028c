// Small, valid, deterministic pictures for emulators and tests. Everything visible derives from a
// hash of seedText, so different prompts give visibly different pictures and the same prompt
// gives the same pixels on every run (stable hashes, stable thumbnails).
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';

export interface ImageSpec {
  width: number;
  height: number;
  seedText: string;
}

export interface PngSpec extends ImageSpec {
  /**
   * tEXt chunks written after IHDR, like the provenance notes real generators embed. They change
   * the bytes without changing the pixels, which is how a test proves a client kept the vendor's
   * file as is instead of re-encoding it.
   */
  text?: Record<string, string>;
}

export interface JpegSpec extends ImageSpec {
  quality?: number;
}

export async function makePng(spec: PngSpec): Promise<Buffer> {
  const png = await sharp(rawPixels(spec), { raw: { width: spec.width, height: spec.height, channels: 3 } })
    .png({ compressionLevel: 6 })
    .toBuffer();
  return spec.text ? withTextChunks(png, spec.text) : png;
}

export async function makeJpeg(spec: JpegSpec): Promise<Buffer> {
  return sharp(rawPixels(spec), { raw: { width: spec.width, height: spec.height, channels: 3 } })
    .jpeg({ quality: spec.quality ?? 85, mozjpeg: false })
    .toBuffer();
}

/** A diagonal gradient between two colours with three rectangles on top, all from the hash. */
function rawPixels({ width, height, seedText }: ImageSpec): Buffer {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new Error(`Bad image size ${width}x${height}`);
  }
  const h = createHash('sha256').update(seedText).digest();
  const byte = (i: number) => h[i % h.length] ?? 0;
  const from = [byte(0), byte(1), byte(2)] as const;
  const to = [byte(3), byte(4), byte(5)] as const;
  // The gradient's direction varies too, so two seeds with similar colours still look different.
  const angle = (byte(6) / 256) * Math.PI * 2;
  const dx = Math.cos(angle);
  const dy = Math.sin(angle);
  const span = Math.abs(dx) * width + Math.abs(dy) * height || 1;
  const offset = Math.min(0, dx * width) + Math.min(0, dy * height);

  const rects = [0, 1, 2].map((k) => {
    const b = 7 + k * 7;
    const w = Math.max(1, Math.round(((byte(b) % 40) + 15) / 100 * width));
    const hgt = Math.max(1, Math.round(((byte(b + 1) % 40) + 15) / 100 * height));
    const x = Math.round((byte(b + 2) / 255) * (width - w));
    const y = Math.round((byte(b + 3) / 255) * (height - hgt));
    return { x, y, w, h: hgt, color: [byte(b + 4), byte(b + 5), byte(b + 6)] as const };
  });

  const out = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = (x * dx + y * dy - offset) / span;
      let r = from[0] + (to[0] - from[0]) * t;
      let g = from[1] + (to[1] - from[1]) * t;
      let bl = from[2] + (to[2] - from[2]) * t;
      for (const rect of rects) {
        if (x >= rect.x && x < rect.x + rect.w && y >= rect.y && y < rect.y + rect.h) {
          [r, g, bl] = rect.color;
        }
      }
      const i = (y * width + x) * 3;
      out[i] = Math.round(r);
      out[i + 1] = Math.round(g);
      out[i + 2] = Math.round(bl);
    }
  }
  return out;
}

/** Inserts tEXt chunks right after IHDR (8-byte signature + 25-byte IHDR chunk). */
function withTextChunks(png: Buffer, text: Record<string, string>): Buffer {
  const afterIhdr = 8 + 4 + 4 + 13 + 4;
  const chunks = Object.entries(text).map(([keyword, value]) => {
    const type = Buffer.from('tEXt', 'latin1');
    const data = Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0]), Buffer.from(value, 'latin1')]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([type, data])) >>> 0);
    return Buffer.concat([length, type, data, crc]);
  });
  return Buffer.concat([png.subarray(0, afterIhdr), ...chunks, png.subarray(afterIhdr)]);
}
