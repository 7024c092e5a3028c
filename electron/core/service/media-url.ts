// Addresses of library pictures for the window: easel-media://library/<path inside the library>
// for the picture, easel-media://thumb/<size>/<path> for a thumbnail. The window never sees a
// file:// URL; main serves these through a protocol handler confined to the library folder
// (media-file.ts), and the browser test harness can serve the same addresses.
import path from 'node:path';
import { GALLERY_SIZES } from '../library/thumbnails';

export const MEDIA_SCHEME = 'easel-media';
/**
 * Where the addresses point. The desktop app serves easel-media:// itself; a browser test harness,
 * which cannot register a scheme in Chromium, passes its own http origin (ending in '/') and maps
 * <origin>library/… and <origin>thumb/… back to easel-media:// for the same media responder.
 */
export const DEFAULT_MEDIA_BASE = `${MEDIA_SCHEME}://`;
export type GallerySize = (typeof GALLERY_SIZES)[number];

export interface MediaUrls {
  url: string;
  thumbUrl: string;
}

/** The addresses of a picture under `libraryRoot`; empty strings for a file outside it. */
export function mediaUrlsFor(libraryRoot: string, filePath: string, base: string = DEFAULT_MEDIA_BASE, thumbSize: GallerySize = 256): MediaUrls {
  const relative = path.relative(path.resolve(libraryRoot), path.resolve(filePath));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return { url: '', thumbUrl: '' };
  const encoded = relative.split(path.sep).map(encodeURIComponent).join('/');
  return {
    url: `${base}library/${encoded}`,
    thumbUrl: `${base}thumb/${thumbSize}/${encoded}`,
  };
}
