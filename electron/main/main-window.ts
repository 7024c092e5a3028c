import { BrowserWindow, nativeTheme } from 'electron';
import { APP_ENTRY_URL } from './app-origin';
import { mainWindowOptions } from './window-options';
import type { SavedWindowState, WindowPlacement } from './window-state';

// The same surface colours as renderer/styles.css, so the first frame matches the page.
const BACKGROUND = { light: '#f6f5f2', dark: '#16171b' } as const;

export interface MainWindowInput {
  preloadPath: string;
  devTools: boolean;
  placement?: WindowPlacement;
  /** Called with the window's normal (unmaximized) bounds when it closes. */
  saveState?: (state: SavedWindowState) => void;
}

export function createMainWindow(input: MainWindowInput): BrowserWindow {
  const window = new BrowserWindow({
    ...mainWindowOptions({
      preloadPath: input.preloadPath,
      devTools: input.devTools,
      backgroundColor: nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light,
    }),
    ...input.placement?.bounds,
  });
  window.once('ready-to-show', () => {
    if (input.placement?.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => {
    input.saveState?.({ ...window.getNormalBounds(), maximized: window.isMaximized() });
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error('Easel could not load its window:', error);
  });
  return window;
}
