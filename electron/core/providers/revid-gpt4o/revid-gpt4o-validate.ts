// Checks the catalog cannot express. The vendor silently ignores some inputs (a mask beside
// several references, a backup model while fallback is off); Easel refuses them before sending,
// because a person who set them expects them to count.
import type { GenerationRequest } from '../../../../shared/domain';
import type { ModelInfo } from '../../../../shared/catalog';
import { invalidInput, type EaselError } from '../../errors/easel-error';
import { VENDOR } from './revid-gpt4o-errors';

/** The formats the document lists for filesUrl. */
const SUPPORTED_EXTENSIONS = new Set(['jfif', 'pjpeg', 'jpeg', 'pjp', 'jpg', 'png', 'webp']);
/**
 * Extensions that certainly name something else. A URL without an extension, or with one not
 * listed here (`.php`, `.aspx`), may still serve a picture, so it is let through.
 */
const KNOWN_OTHER_EXTENSIONS = new Set(['gif', 'bmp', 'tif', 'tiff', 'svg', 'heic', 'heif', 'avif', 'ico', 'psd', 'raw', 'pdf', 'txt', 'json', 'html', 'htm', 'mp4', 'mov', 'webm']);

export function validateGpt4oRequest(request: GenerationRequest, model: ModelInfo): EaselError | null {
  const where = `${model.label} (${VENDOR})`;
  const urls = request.references.flatMap((r) => (r.kind === 'url' ? [r.url] : []));
  for (const url of urls) {
    const ext = extensionOf(url);
    if (ext && KNOWN_OTHER_EXTENSIONS.has(ext) && !SUPPORTED_EXTENSIONS.has(ext)) {
      return invalidInput(`${where} accepts reference images in JPEG, PNG or WebP; ${url} looks like a .${ext} file.`);
    }
  }

  const mask = request.params.maskUrl;
  if (mask !== undefined && mask !== '') {
    const text = String(mask);
    if (!isHttpUrl(text)) return invalidInput(`The mask for ${where} must be a public http(s) URL (got "${text.slice(0, 100)}").`);
    if (request.references.length === 0) {
      return invalidInput(`A mask marks the areas of a reference image to change: add the one reference image the mask belongs to, or remove the mask.`);
    }
    if (request.references.length > 1) {
      return invalidInput(
        `${VENDOR} ignores the mask when more than one reference image is given (you gave ${request.references.length}). ` +
          'Keep only the reference image the mask belongs to, or remove the mask.',
      );
    }
  }

  const fallbackModel = request.params.fallbackModel;
  if (fallbackModel !== undefined && fallbackModel !== '' && request.params.enableFallback !== true) {
    return invalidInput(`The backup model ${String(fallbackModel)} only takes effect when fallback is on: set enableFallback to true, or remove fallbackModel.`);
  }
  return null;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function extensionOf(text: string): string | null {
  try {
    const last = new URL(text).pathname.split('/').pop() ?? '';
    const dot = last.lastIndexOf('.');
    return dot > 0 ? last.slice(dot + 1).toLowerCase() : null;
  } catch {
    return null;
  }
}
