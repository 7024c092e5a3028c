// easel-media: library pictures and their thumbnails for the window, served by the core's media
// responder, which confines every request to the library folder (electron/core/service/media-file.ts).
import type { CustomScheme, Protocol } from 'electron';
import type { MediaResponder } from '../core/service/media-responder';
import { MEDIA_SCHEME } from '../core/service/media-url';

/**
 * `standard`: real URLs with a host (library, thumb), canonicalised by Chromium before they reach
 * the handler. `secure`: an <img> on the secure app:// page is not mixed content. Not
 * `corsEnabled`, `supportFetchAPI` or `bypassCSP`: the page shows these pictures, it never reads
 * them, and the CSP's img-src names the scheme explicitly.
 */
export const MEDIA_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: MEDIA_SCHEME,
  privileges: { standard: true, secure: true },
};

export function serveMediaProtocol(protocol: Pick<Protocol, 'handle'>, respond: MediaResponder): void {
  protocol.handle(MEDIA_SCHEME, (request) => respond(request));
}
