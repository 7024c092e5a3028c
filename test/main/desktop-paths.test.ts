import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { desktopPaths } from '../../electron/main/desktop-paths';
import { serveMediaProtocol } from '../../electron/main/media-protocol';

const input = { userData: '/home/ada/.config/Easel', pictures: '/home/ada/Pictures', env: {} };

describe('desktop paths', () => {
  it('keep state in userData and pictures in Pictures/Easel by default', () => {
    expect(desktopPaths(input, null)).toEqual({ dataDir: '/home/ada/.config/Easel', libraryDir: path.resolve('/home/ada/Pictures/Easel') });
  });

  it('follow the library folder chosen in settings, and the EASEL_* overrides', () => {
    expect(desktopPaths(input, '/mnt/art').libraryDir).toBe(path.resolve('/mnt/art'));
    expect(desktopPaths({ ...input, env: { EASEL_DATA_DIR: '/tmp/d', EASEL_LIBRARY_DIR: '/tmp/l' } }, null)).toEqual({ dataDir: path.resolve('/tmp/d'), libraryDir: path.resolve('/tmp/l') });
  });
});

describe('easel-media protocol registration', () => {
  it('hands every easel-media request to the confined responder', async () => {
    const handle = vi.fn();
    const respond = vi.fn(async () => new Response(null, { status: 400 }));
    serveMediaProtocol({ handle }, respond);
    expect(handle).toHaveBeenCalledWith('easel-media', expect.any(Function));
    const handler = handle.mock.calls[0]![1] as (request: { url: string; method: string }) => Promise<Response>;
    const response = await handler({ url: 'easel-media://library/../x.png', method: 'GET' });
    expect(response.status).toBe(400);
    expect(respond).toHaveBeenCalledWith({ url: 'easel-media://library/../x.png', method: 'GET' });
  });
});
