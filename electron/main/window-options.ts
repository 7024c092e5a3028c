import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of the bundled, CommonJS preload (out/preload/preload.cjs). */
  preloadPath: string;
  /** Developer tools: on for unpackaged runs only. */
  devTools: boolean;
  /** Painted before the first frame, so the window does not flash white in dark mode. */
  backgroundColor: string;
}

/**
 * The renderer is treated as untrusted web content: no Node, its own JavaScript world, the
 * Chromium sandbox, and only what the preload chooses to expose. Every flag is spelled out,
 * even where it matches Electron's default, so a later default change cannot loosen it.
 */
export function secureWebPreferences(input: Pick<WindowOptionsInput, 'preloadPath' | 'devTools'>): WebPreferences {
  return {
    preload: input.preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // A middle click would otherwise open links in a new window (denied anyway, but never asked).
    disableBlinkFeatures: 'Auxclick',
    devTools: input.devTools,
  };
}

export function mainWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Easel',
    width: 1280,
    height: 820,
    minWidth: 880,
    minHeight: 560,
    // Shown on 'ready-to-show', once the first frame is painted.
    show: false,
    backgroundColor: input.backgroundColor,
    webPreferences: secureWebPreferences(input),
  };
}
