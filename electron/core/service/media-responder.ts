// Answers easel-media: requests with the picture or its thumbnail, as a web Response. Main hands
// this to protocol.handle; a browser test harness can serve the same answers over HTTP. Errors
// are bare status codes: the window learns nothing about the file system from a refusal.
import { readFile } from 'node:fs/promises';
import type { Thumbnails } from '../library/thumbnails';
import { parseMediaUrl, resolveMediaFile } from './media-file';

export interface MediaResponderOptions {
  /** Read at each request: the library folder is fixed for a session, but tests swap it. */
  libraryRoot: () => string;
  thumbnails: Pick<Thumbnails, 'get'>;
}

const BASE_HEADERS = {
  'x-content-type-options': 'nosniff',
  // If a picture were ever opened as a document, it could run nothing.
  'content-security-policy': "default-src 'none'; sandbox",
  'cache-control': 'private, max-age=300',
} as const;

export type MediaResponder = (request: Pick<Request, 'url' | 'method'>) => Promise<Response>;

export function createMediaResponder(options: MediaResponderOptions): MediaResponder {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return bare(405);
    const parsed = parseMediaUrl(request.url);
    if (parsed === null) return bare(400);
    const file = await resolveMediaFile(options.libraryRoot(), parsed.segments);
    if (!file.ok) return bare(file.status);
    try {
      if (parsed.kind === 'full') return image(request.method, await readFile(file.filePath), file.type.mime);
      const thumbnail = await options.thumbnails.get(file.filePath, parsed.size, 'webp');
      return image(request.method, await readFile(thumbnail), 'image/webp');
    } catch {
      // A picture sharp cannot decode, or one removed between the check and the read.
      return bare(404);
    }
  };
}

function image(method: string, body: Buffer, mime: string): Response {
  return new Response(method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: { ...BASE_HEADERS, 'content-type': mime, 'content-length': String(body.length) },
  });
}

function bare(status: number): Response {
  return new Response(null, { status, headers: BASE_HEADERS });
}
