// Electron's entry (bundled to out/main/main.js): wires the window, the app:// protocol and the
// security guards together. Each concern lives in its own file; this one only orders them.
import path from 'node:path';
import { app, BrowserWindow, protocol, session } from 'electron';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { createMainWindow } from './main-window';
import { guardNavigation } from './navigation-guard';
import { denyAllPermissions } from './permissions';

// A second launch focuses the first window instead of opening a second library writer.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  // Before 'ready': sandbox every renderer, and give app:// its privileges.
  app.enableSandbox();
  registerAppScheme(protocol);

  // Every WebContents, including ones we never create on purpose, gets the guards.
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents));

  // app.getAppPath() is the folder holding package.json (or app.asar when packaged).
  const appRoot = app.getAppPath();
  const preloadPath = path.join(appRoot, 'out', 'preload', 'preload.cjs');
  const rendererRoot = path.join(appRoot, 'out', 'renderer');

  let mainWindow: BrowserWindow | null = null;
  const openMainWindow = (): void => {
    mainWindow = createMainWindow({ preloadPath, devTools: !app.isPackaged });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  app.on('second-instance', () => {
    if (mainWindow === null) {
      // macOS keeps running with no window open; a second launch brings one back.
      if (app.isReady()) openMainWindow();
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });

  app
    .whenReady()
    .then(() => {
      denyAllPermissions(session.defaultSession);
      serveAppProtocol(protocol, rendererRoot);
      openMainWindow();
    })
    .catch((error: unknown) => {
      console.error('Easel could not start:', error);
      app.exit(1);
    });
}
