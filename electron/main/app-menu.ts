// The application menu, shaped for each OS: macOS gets the app menu (About, Settings… ⌘,,
// Services, Hide, Quit) and a Window menu; Windows and Linux get File → Settings (Ctrl+,) and
// Quit. Easel's own items do not act in main: they send menu.command to the page, which navigates.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/contract';

export interface MenuInput {
  platform: NodeJS.Platform;
  appName: string;
  /** Reload and developer tools, for unpackaged runs only. */
  devTools: boolean;
  send(command: MenuCommand): void;
}

export function appMenuTemplate(input: MenuInput): MenuItemConstructorOptions[] {
  const mac = input.platform === 'darwin';
  const item = (label: string, command: MenuCommand, accelerator: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => input.send(command),
  });
  const settings = item(mac ? 'Settings…' : 'Settings', 'open-settings', mac ? 'Cmd+,' : 'Ctrl+,');

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: input.appName,
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            settings,
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    label: mac ? 'File' : '&File',
    submenu: [
      item('New Generation', 'new-generation', 'CmdOrCtrl+N'),
      ...(mac ? [] : [{ type: 'separator' } as const, settings]),
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit', accelerator: input.platform === 'win32' ? 'Alt+F4' : 'Ctrl+Q' },
    ],
  };

  // The standard roles, so text fields get undo, copy and paste shortcuts (on macOS they work
  // only through the menu).
  const edit: MenuItemConstructorOptions = {
    label: mac ? 'Edit' : '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: mac ? 'View' : '&View',
    submenu: [
      item('Activity', 'show-activity', 'CmdOrCtrl+2'),
      item('Library', 'show-library', 'CmdOrCtrl+3'),
      item('Search the Library', 'focus-search', 'CmdOrCtrl+F'),
      { type: 'separator' },
      ...(input.devTools ? [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const window: MenuItemConstructorOptions = mac
    ? { role: 'windowMenu' }
    : { label: '&Window', submenu: [{ role: 'minimize' }, { role: 'close' }] };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: mac ? [] : [{ role: 'about' }],
  };

  return [...appMenu, file, edit, view, window, help];
}
