import type { WebContents } from 'electron';
import { isAppUrl } from './app-origin';

/**
 * The app is a single page: it never needs to leave app://easel. A link or a script that tries
 * to send the window elsewhere (a vendor page, a javascript: or file: URL) is stopped, and so
 * is every attempt to open a window or attach a <webview>.
 */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/** The subset of WebContents the guard touches, so tests can hand it a fake. */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function guardNavigation(contents: GuardedContents): void {
  contents.on('will-navigate', (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  });
  // Covers sub-frames too, and a navigation that starts in-app and is redirected away.
  contents.on('will-frame-navigate', (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
