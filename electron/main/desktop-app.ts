// Everything the desktop app runs once Electron is ready, in dependency order: settings, the key
// vault, the core, the service, then the doors into it (IPC handlers, events, the media
// protocol, the menu) and the window. main.ts only handles the app's lifecycle around this.
import path from 'node:path';
import {
  app,
  BrowserWindow,
  clipboard,
  ClipboardItem,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  Notification,
  protocol,
  safeStorage,
  screen,
  shell,
} from 'electron';
import { AUTO_RESUME_INTERVAL_MS } from '../../shared/contract-jobs';
import { createCore, type Core } from '../core/create-core';
import { desktopProviderAccess } from '../core/keys/desktop-provider-access';
import { createKeyVault } from '../core/keys/key-vault';
import { createThumbnails } from '../core/library/thumbnails';
import { createEaselService, type EaselService } from '../core/service/easel-service';
import { createJobNotifier, type JobNotification } from '../core/service/job-notifier';
import { createMediaResponder } from '../core/service/media-responder';
import { createSettingsStore } from '../core/settings/settings-store';
import { appMenuTemplate } from './app-menu';
import { desktopNotificationHost } from './desktop-notifications';
import { defaultLibraryDir, desktopDataDir, desktopPaths } from './desktop-paths';
import { desktopShell } from './desktop-shell';
import { registerContractHandlers } from './ipc-bridge';
import { electronKeyStore } from './key-store';
import { createMainWindow } from './main-window';
import { serveMediaProtocol } from './media-protocol';
import { forwardEventsToWindow } from './renderer-events';
import { safeStorageCipher } from './safe-storage-cipher';
import { placeWindow, windowStateStore } from './window-state';
import { mainWindowOptions } from './window-options';

export interface DesktopOptions {
  /** app.getAppPath(): the folder holding package.json (or app.asar). */
  appRoot: string;
  devTools: boolean;
  env?: NodeJS.ProcessEnv;
}

export interface Desktop {
  readonly core: Core;
  readonly service: EaselService;
  /** Opens the window, or brings the existing one forward. */
  showWindow(): BrowserWindow;
  close(): Promise<void>;
}

export async function startDesktop(options: DesktopOptions): Promise<Desktop> {
  const env = options.env ?? process.env;
  const log = (message: string) => console.error(`[easel] ${message}`);
  const pathInput = { userData: app.getPath('userData'), pictures: app.getPath('pictures'), env };
  const dataDir = desktopDataDir(pathInput);

  const settings = createSettingsStore({ dataDir });
  nativeTheme.themeSource = settings.get().theme;
  settings.onChange((next) => {
    nativeTheme.themeSource = next.theme;
  });

  const vault = createKeyVault({
    cipher: safeStorageCipher(safeStorage),
    store: electronKeyStore(dataDir, ipcMain),
    basicTextConsented: () => settings.get().keyStorage.allowBasicText,
  });
  const thumbnails = createThumbnails({ dir: path.join(dataDir, 'thumbnails') });

  let window: BrowserWindow | null = null;
  const liveWindow = (): BrowserWindow | null => (window && !window.isDestroyed() ? window : null);

  // The notifier is made before the service it reports clicks to; the click handler is bound late.
  let onNotificationClick: (notification: JobNotification) => void = () => {};
  const notifier = createJobNotifier({
    settings,
    thumbnails,
    log,
    host: desktopNotificationHost({ Notification, window: liveWindow, onClick: (n) => onNotificationClick(n) }),
  });

  const core = createCore({
    paths: desktopPaths(pathInput, settings.get().libraryDir),
    access: desktopProviderAccess({ vault, settings, env }),
    notifier,
  });

  const service = await createEaselService({
    core,
    keys: vault,
    settings,
    thumbnails,
    defaultLibraryDir: defaultLibraryDir(pathInput),
    env,
    log,
    shell: desktopShell({
      shell,
      clipboard,
      ClipboardItem,
      contents: () => liveWindow()?.webContents ?? null,
      fallbackIconPath: path.join(options.appRoot, 'resources', 'icon.png'),
      dialog,
      window: liveWindow,
    }),
  });
  onNotificationClick = (n) => service.publish('notification.clicked', { jobId: n.jobId, imageId: n.imageId });

  const unregister = registerContractHandlers({ ipcMain, service, expectedSender: () => liveWindow()?.webContents, log });
  const stopForwarding = forwardEventsToWindow(service, () => liveWindow()?.webContents ?? null);
  serveMediaProtocol(protocol, createMediaResponder({ libraryRoot: () => core.library.root, thumbnails }));

  const windowState = windowStateStore(dataDir);
  const showWindow = (): BrowserWindow => {
    const existing = liveWindow();
    if (existing) {
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
      return existing;
    }
    const sizing = mainWindowOptions({ preloadPath: '', devTools: false, backgroundColor: '' });
    const placement = placeWindow(
      windowState.load(),
      screen.getAllDisplays().map((display) => display.workArea),
      { width: sizing.width ?? 1280, height: sizing.height ?? 820, minWidth: sizing.minWidth ?? 880, minHeight: sizing.minHeight ?? 560 },
    );
    window = createMainWindow({
      preloadPath: path.join(options.appRoot, 'out', 'preload', 'preload.cjs'),
      devTools: options.devTools,
      placement,
      saveState: (state) => windowState.save(state),
    });
    window.on('closed', () => {
      window = null;
    });
    return window;
  };

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate({
        platform: process.platform,
        appName: app.getName(),
        devTools: options.devTools,
        send: (command) => {
          showWindow();
          service.publish('menu.command', { command });
        },
      }),
    ),
  );

  void core.runner.resumeAll().catch((error: unknown) => log(`Resuming jobs failed: ${error instanceof Error ? error.message : String(error)}`));
  core.runner.startAutoResume(AUTO_RESUME_INTERVAL_MS);

  return {
    core,
    service,
    showWindow,
    async close() {
      unregister();
      stopForwarding();
      await service.close();
      await core.close();
    },
  };
}
