// The app shell is served from its own origin, app://easel, rather than file://: a file:// page
// shares its origin with every file on disk, while app:// can only reach out/renderer (see
// app-protocol.ts). Navigation, CSP 'self' and, later, IPC sender checks all key off this origin.
export const APP_SCHEME = 'app';
export const APP_HOST = 'easel';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True when `url` parses and belongs to the app's own origin. */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // `origin` is the string "null" for non-special schemes in Node's URL, so compare the parts.
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}
