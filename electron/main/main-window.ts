import { BrowserWindow, nativeTheme } from 'electron';
import { APP_ENTRY_URL } from './app-origin';
import { mainWindowOptions } from './window-options';

// The same surface colours as renderer/styles.css, so the first frame matches the page.
const BACKGROUND = { light: '#f6f5f2', dark: '#16171b' } as const;

export interface MainWindowInput {
  preloadPath: string;
  devTools: boolean;
}

export function createMainWindow(input: MainWindowInput): BrowserWindow {
  const window = new BrowserWindow(
    mainWindowOptions({
      ...input,
      backgroundColor: nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light,
    }),
  );
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error('Easel could not load its window:', error);
  });
  return window;
}
