// Electron's entry (bundled to out/main/main.js): the app's lifecycle and the order security
// depends on. Before 'ready': sandbox every renderer, register the privileged schemes, guard
// every WebContents. At 'ready': deny permissions, serve app://, start the desktop (settings,
// keys, core, service, IPC, media protocol, menu) and open the window.
import path from 'node:path';
import { app, protocol, session } from 'electron';
import { serveAppProtocol } from './app-protocol';
import { startDesktop, type Desktop } from './desktop-app';
import { guardNavigation } from './navigation-guard';
import { denyAllPermissions } from './permissions';
import { registerPrivilegedSchemes } from './privileged-schemes';

// A second launch focuses the first window instead of opening a second library writer.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  app.enableSandbox();
  registerPrivilegedSchemes(protocol);
  // Windows shows notifications only for an app with a user model id (the installer's appId).
  if (process.platform === 'win32') app.setAppUserModelId('app.easel.studio');

  // Every WebContents, including ones we never create on purpose, gets the guards.
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents));

  // app.getAppPath() is the folder holding package.json (or app.asar when packaged).
  const appRoot = app.getAppPath();
  const rendererRoot = path.join(appRoot, 'out', 'renderer');

  let desktop: Desktop | null = null;
  let closed = false;

  app.on('second-instance', () => {
    desktop?.showWindow();
  });

  app.on('window-all-closed', () => {
    // macOS keeps the app (and its running jobs) alive with no window, as Mac apps do.
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    desktop?.showWindow();
  });

  // Jobs stop cleanly (they stay resumable on disk) before the process ends.
  app.on('before-quit', (event) => {
    if (closed || desktop === null) return;
    event.preventDefault();
    const closing = desktop;
    desktop = null;
    closing
      .close()
      .catch((error: unknown) => console.error('Easel could not close cleanly:', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  app
    .whenReady()
    .then(async () => {
      denyAllPermissions(session.defaultSession);
      serveAppProtocol(protocol, rendererRoot);
      desktop = await startDesktop({ appRoot, devTools: !app.isPackaged });
      desktop.showWindow();
    })
    .catch((error: unknown) => {
      console.error('Easel could not start:', error);
      app.exit(1);
    });
}
