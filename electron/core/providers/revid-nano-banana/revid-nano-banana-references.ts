// References go to this API by URL, so Easel cannot look inside them: the vendor fetches them.
// What Easel can do before paying for a task is refuse a URL that plainly names a file type the
// document does not accept (it takes JPEG, PNG and WebP). A URL without a telling extension
// (a CDN id, `image.php?id=3`) is let through: only the vendor can judge it.
import type { Reference } from '../../../../shared/domain';
import { EaselError } from '../../errors/easel-error';

/** Extensions that are clearly not JPEG, PNG or WebP. */
const REFUSED_EXTENSIONS = new Set([
  'gif', 'bmp', 'tif', 'tiff', 'heic', 'heif', 'avif', 'svg', 'ico', 'psd',
  'txt', 'md', 'csv', 'json', 'xml', 'html', 'htm', 'pdf', 'doc', 'docx',
  'mp4', 'mov', 'webm', 'mp3', 'wav', 'zip',
]);

export function refuseUnsupportedReferenceUrls(references: readonly Reference[], where: string): EaselError | null {
  for (const reference of references) {
    if (reference.kind !== 'url') continue;
    const ext = extensionOf(reference.url);
    if (ext && REFUSED_EXTENSIONS.has(ext)) {
      return new EaselError('INVALID_INPUT', `Reference ${reference.url} looks like a ${ext.toUpperCase()} file; ${where} accepts JPEG, PNG and WebP images.`);
    }
  }
  return null;
}

function extensionOf(url: string): string | null {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return null;
  }
  const name = pathname.split('/').pop() ?? '';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : null;
}
