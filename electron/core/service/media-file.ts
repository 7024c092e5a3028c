// Which file an easel-media: address names, or a refusal. The address comes from the window,
// which is treated as untrusted: it may try `..`, absolute paths, encoded separators (%2f, %5c,
// %2e%2e), NUL, drive letters, or a symlink inside the library that points elsewhere. Every
// one of them is refused, and only image files (by extension and by their first bytes) are served.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { MAGIC_BYTES_NEEDED, sniffImageType, type ImageType } from '../images/image-type';
import { GALLERY_SIZES } from '../library/thumbnails';
import { MEDIA_SCHEME, type GallerySize } from './media-url';

const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.webp', '.gif']);

export type MediaRequest = { kind: 'full'; segments: string[] } | { kind: 'thumb'; size: GallerySize; segments: string[] };

/** Parses an easel-media: URL into checked path segments; null for anything malformed or unsafe. */
export function parseMediaUrl(requestUrl: string): MediaRequest | null {
  // Before URL parsing, which would silently resolve dot segments: an address Easel made never
  // holds a dot segment, an encoded dot, separator or NUL (mediaUrlsFor encodes nothing else), so
  // one that does is refused outright rather than quietly "fixed".
  if (/(^|\/)\.{1,2}(\/|$|[?#])/.test(requestUrl) || /%(2e|2f|5c|00)/i.test(requestUrl) || requestUrl.includes('\\')) return null;
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${MEDIA_SCHEME}:` || url.username !== '' || url.password !== '' || url.port !== '') return null;
  // The raw path, before any decoding: one leading slash, then segments.
  const raw = url.pathname;
  if (!raw.startsWith('/')) return null;
  const segments = raw.slice(1).split('/').map(decodeSegment);
  if (segments.some((segment) => segment === null)) return null;
  const clean = segments as string[];
  if (url.hostname === 'library') return clean.length > 0 ? { kind: 'full', segments: clean } : null;
  if (url.hostname === 'thumb') {
    const [sizeText, ...rest] = clean;
    const size = Number(sizeText);
    if (!(GALLERY_SIZES as readonly number[]).includes(size) || String(size) !== sizeText || rest.length === 0) return null;
    return { kind: 'thumb', size: size as GallerySize, segments: rest };
  }
  return null;
}

/** One path segment, decoded, or null when it could climb, jump or hide a separator. */
function decodeSegment(rawSegment: string): string | null {
  let segment: string;
  try {
    segment = decodeURIComponent(rawSegment);
  } catch {
    return null;
  }
  if (segment === '' || segment === '.' || segment === '..') return null;
  // Separators (POSIX and Windows), drive letters and NUL never belong inside one segment.
  if (/[/\\:\0]/.test(segment)) return null;
  // Decoding once more must change nothing: a doubly encoded %252e%252e is somebody's attempt.
  if (/%[0-9a-f]{2}/i.test(segment)) return null;
  return segment;
}

export type MediaFile = { ok: true; filePath: string; type: ImageType } | { ok: false; status: 400 | 403 | 404 | 415 };

/**
 * Resolves segments under `libraryRoot` and checks the result: inside the root after every
 * symlink is followed, a regular file, an image by extension and by content.
 */
export async function resolveMediaFile(libraryRoot: string, segments: readonly string[]): Promise<MediaFile> {
  const candidate = path.resolve(libraryRoot, ...segments);
  if (!IMAGE_EXTENSIONS.has(path.extname(candidate).toLowerCase())) return { ok: false, status: 415 };
  let realRoot: string;
  let realFile: string;
  try {
    realRoot = await fs.realpath(libraryRoot);
    realFile = await fs.realpath(candidate);
  } catch {
    return { ok: false, status: 404 };
  }
  if (!isInside(realRoot, realFile)) return { ok: false, status: 403 };
  let type: ImageType | null;
  try {
    const stat = await fs.stat(realFile);
    if (!stat.isFile()) return { ok: false, status: 404 };
    type = sniffImageType(await readHead(realFile));
  } catch {
    return { ok: false, status: 404 };
  }
  if (type === null) return { ok: false, status: 415 };
  return { ok: true, filePath: realFile, type };
}

export function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

async function readHead(file: string): Promise<Uint8Array> {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(MAGIC_BYTES_NEEDED);
    const { bytesRead } = await handle.read(buffer, 0, MAGIC_BYTES_NEEDED, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
