// easel-media: addresses resolve to pictures inside the library and nowhere else.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createThumbnails } from '../../../electron/core/library/thumbnails';
import { parseMediaUrl } from '../../../electron/core/service/media-file';
import { createMediaResponder, type MediaResponder } from '../../../electron/core/service/media-responder';
import { mediaUrlsFor } from '../../../electron/core/service/media-url';

let dir = '';
let library = '';
let respond: MediaResponder;
let png: Buffer;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'easel-media-'));
  library = path.join(dir, 'library');
  await mkdir(path.join(library, '2026', '11'), { recursive: true });
  png = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#c0ffee' } }).png().toBuffer();
  await writeFile(path.join(library, '2026', '11', 'a lighthouse #1.png'), png);
  await writeFile(path.join(library, '2026', '11', 'notes.png'), 'not really a picture');
  await writeFile(path.join(library, '2026', '11', 'record.json'), '{"prompt":"x"}');
  // Outside the library: a picture and a secret, and links to them from inside.
  await writeFile(path.join(dir, 'outside.png'), png);
  await writeFile(path.join(dir, 'secret.txt'), 'sk_live_secret');
  await symlink(path.join(dir, 'outside.png'), path.join(library, '2026', 'escape.png'));
  await symlink(dir, path.join(library, 'up'));
  respond = createMediaResponder({ libraryRoot: () => library, thumbnails: createThumbnails({ dir: path.join(dir, 'thumbnails') }) });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => respond({ url, method });

describe('easel-media addresses', () => {
  it('are made for files inside the library, with every segment encoded', () => {
    const urls = mediaUrlsFor(library, path.join(library, '2026', '11', 'a lighthouse #1.png'));
    expect(urls).toEqual({
      url: 'easel-media://library/2026/11/a%20lighthouse%20%231.png',
      thumbUrl: 'easel-media://thumb/256/2026/11/a%20lighthouse%20%231.png',
    });
    expect(mediaUrlsFor(library, path.join(dir, 'outside.png'))).toEqual({ url: '', thumbUrl: '' });
  });

  it('serve the picture with its type and no-sniff headers', async () => {
    const response = await get(mediaUrlsFor(library, path.join(library, '2026', '11', 'a lighthouse #1.png')).url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);
    expect((await get('easel-media://library/2026/11/a%20lighthouse%20%231.png', 'HEAD')).status).toBe(200);
    expect((await get('easel-media://library/2026/11/a%20lighthouse%20%231.png', 'POST')).status).toBe(405);
  });

  it('serve WebP thumbnails of 256 and 512 px, cached under the data folder', async () => {
    for (const size of [256, 512]) {
      const response = await get(`easel-media://thumb/${size}/2026/11/a%20lighthouse%20%231.png`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/webp');
      const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
      expect(meta.format).toBe('webp');
      expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(size);
    }
    expect((await get('easel-media://thumb/300/2026/11/a%20lighthouse%20%231.png')).status).toBe(400);
    expect((await get('easel-media://thumb/0256/2026/11/a%20lighthouse%20%231.png')).status).toBe(400);
  });

  it.each([
    'easel-media://library/../secret.txt',
    'easel-media://library/../outside.png',
    'easel-media://library/2026/../../outside.png',
    'easel-media://library/%2e%2e/outside.png',
    'easel-media://library/%2E%2E/%2E%2E/etc/passwd',
    'easel-media://library/2026%2f..%2f..%2foutside.png',
    'easel-media://library/..%5c..%5coutside.png',
    'easel-media://library/%252e%252e/outside.png',
    'easel-media://library//etc/passwd',
    'easel-media://library/C:/Windows/win.ini',
    'easel-media://library/%2Fetc%2Fpasswd',
    'easel-media://library/2026/11/a%00.png',
    'easel-media://thumb/256/../outside.png',
    'easel-media://library/.',
    'easel-media://library/',
    'easel-media://library',
    'easel-media://elsewhere/2026/11/a%20lighthouse%20%231.png',
    'easel-media://user:pw@library/2026/11/a%20lighthouse%20%231.png',
    'file:///etc/passwd',
    'not a url',
  ])('refuse %s', async (url) => {
    expect(parseMediaUrl(url)).toBeNull();
    const response = await get(url);
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('');
  });

  it('refuse a symlink that leads out of the library, even to a picture', async () => {
    expect((await get('easel-media://library/2026/escape.png')).status).toBe(403);
    expect((await get('easel-media://library/up/outside.png')).status).toBe(403);
    expect((await get('easel-media://thumb/256/up/outside.png')).status).toBe(403);
  });

  it('serve images only: not sidecars, not files that merely claim to be pictures', async () => {
    expect((await get('easel-media://library/2026/11/record.json')).status).toBe(415);
    expect((await get('easel-media://library/2026/11/notes.png')).status).toBe(415);
    expect((await get('easel-media://library/2026/11/missing.png')).status).toBe(404);
    expect((await get('easel-media://library/2026/11')).status).toBe(415);
  });
});
