import { mkdtemp, readdir, rm, stat, writeFile, copyFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { createThumbnails } from '../../../electron/core/library/thumbnails';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function picture(file: string, width: number, height: number, colour: string): Promise<string> {
  await writeFile(file, await sharp({ create: { width, height, channels: 3, background: colour } }).png().toBuffer());
  return file;
}

describe('thumbnails', () => {
  it('makes WebP thumbnails that fit the size, keeping the aspect ratio, and caches them by content', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'easel-thumbs-'));
    const thumbs = createThumbnails({ dir: path.join(dir, 'cache') });
    const source = await picture(path.join(dir, 'wide.png'), 1600, 900, '#336699');
    const small = await thumbs.get(source, 256);
    expect(small).toMatch(/[0-9a-f]{64}-256\.webp$/);
    expect(await sharp(small).metadata()).toMatchObject({ format: 'webp', width: 256, height: 144 });
    const again = await thumbs.get(source, 256);
    expect(again).toBe(small);

    // The same bytes under another name share the thumbnail; new bytes get a new one.
    const copy = path.join(dir, 'copy.png');
    await copyFile(source, copy);
    expect(await thumbs.get(copy, 256)).toBe(small);
    await picture(source, 1600, 900, '#993366');
    expect(await thumbs.get(source, 256)).not.toBe(small);
  });

  it('never enlarges, makes PNGs for the OS, and shares concurrent work', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'easel-thumbs-'));
    const thumbs = createThumbnails({ dir: path.join(dir, 'cache') });
    const source = await picture(path.join(dir, 'tiny.png'), 40, 30, '#ffffff');
    const [a, b] = await Promise.all([thumbs.get(source, 512), thumbs.get(source, 512)]);
    expect(a).toBe(b);
    expect(await sharp(a).metadata()).toMatchObject({ width: 40, height: 30 });
    const icon = await thumbs.get(source, 64, 'png');
    expect(icon.endsWith('-64.png')).toBe(true);
    expect((await sharp(icon).metadata()).format).toBe('png');
    const files = (await readdir(path.join(dir, 'cache'), { recursive: true })).filter((f) => !f.startsWith('.') && f.includes('.'));
    expect(files.every((f) => !f.includes('.tmp'))).toBe(true);
    expect((await stat(source)).size).toBeGreaterThan(0);
  });

  it('rejects a file that is not a picture', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'easel-thumbs-'));
    const thumbs = createThumbnails({ dir: path.join(dir, 'cache') });
    await writeFile(path.join(dir, 'fake.png'), 'hello');
    await expect(thumbs.get(path.join(dir, 'fake.png'), 256)).rejects.toThrow();
  });
});
