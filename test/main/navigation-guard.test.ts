import { describe, expect, it, vi } from 'vitest';
import { guardNavigation, isNavigationAllowed, type GuardedContents } from '../../electron/main/navigation-guard';

describe('navigation guard', () => {
  it('allows the app’s own pages', () => {
    expect(isNavigationAllowed('app://easel/index.html')).toBe(true);
    expect(isNavigationAllowed('app://easel/')).toBe(true);
  });

  it.each([
    'https://ai.revidapi.com/',
    'http://127.0.0.1:5173/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'app://elsewhere/index.html',
    'app://user@easel/index.html',
    'easel-media://library/2026/11/a.png',
    'not a url',
    '',
  ])('denies %s', (url) => {
    expect(isNavigationAllowed(url)).toBe(false);
  });

  type Listener = (event: { url: string; preventDefault: () => void }) => void;

  function fakeContents() {
    const listeners = new Map<string, Listener>();
    let openHandler: (() => { action: string }) | undefined;
    const contents = {
      on: (name: string, listener: Listener) => {
        listeners.set(name, listener);
        return contents;
      },
      setWindowOpenHandler: (handler: () => { action: string }) => {
        openHandler = handler;
      },
    };
    const fire = (name: string, url: string) => {
      const event = { url, preventDefault: vi.fn() };
      const listener = listeners.get(name);
      if (listener === undefined) throw new Error(`no ${name} listener`);
      listener(event);
      return event.preventDefault.mock.calls.length > 0;
    };
    return { contents: contents as unknown as GuardedContents, fire, openWindow: () => openHandler?.() };
  }

  it('stops a window from navigating or being redirected away from the app', () => {
    const { contents, fire } = fakeContents();
    guardNavigation(contents);
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(fire(event, 'https://example.com/phish')).toBe(true);
      expect(fire(event, 'app://easel/index.html')).toBe(false);
    }
  });

  it('refuses new windows and <webview> tags', () => {
    const { contents, fire, openWindow } = fakeContents();
    guardNavigation(contents);
    expect(openWindow()).toEqual({ action: 'deny' });
    expect(fire('will-attach-webview', 'app://easel/index.html')).toBe(true);
  });
});
