// ShellService over Electron: the OS trash, the file manager, the clipboard and drag and drop.
// Paths come from the library (the service looks pictures up by id), never from the window.
import type { BrowserWindow, Clipboard, ClipboardItem, Dialog, Shell, WebContents } from 'electron';
import { clipboardPng } from '../core/service/clipboard-image';
import type { ShellService } from '../core/service/shell-service';

export interface DesktopShellDeps {
  shell: Pick<Shell, 'trashItem' | 'showItemInFolder'>;
  clipboard: Pick<Clipboard, 'write'>;
  ClipboardItem: new (items: Record<string, Blob>) => ClipboardItem;
  /** The main window's contents, which the drag starts from. */
  contents: () => Pick<WebContents, 'startDrag' | 'isDestroyed'> | null;
  /** Used when no thumbnail icon could be made (macOS refuses a drag without an icon). */
  fallbackIconPath: string;
  dialog: Pick<Dialog, 'showMessageBox' | 'showOpenDialog'>;
  /** The window dialogs belong to (sheets on macOS); null for a free-standing dialog. */
  window: () => BrowserWindow | null;
}

export function desktopShell(deps: DesktopShellDeps): ShellService {
  return {
    async trash(paths) {
      // One at a time and in order: the picture first, then its sidecar.
      for (const file of paths) await deps.shell.trashItem(file);
    },
    reveal(file) {
      deps.shell.showItemInFolder(file);
    },
    async copyImage(file) {
      const png = await clipboardPng(file);
      await deps.clipboard.write([new deps.ClipboardItem({ 'image/png': new Blob([new Uint8Array(png)], { type: 'image/png' }) })]);
    },
    startDrag(file, iconPath) {
      const contents = deps.contents();
      if (!contents || contents.isDestroyed()) return;
      contents.startDrag({ file, icon: iconPath ?? deps.fallbackIconPath });
    },
    async confirm(prompt) {
      const options = {
        type: 'warning' as const,
        title: prompt.title,
        message: prompt.message,
        detail: prompt.detail,
        buttons: ['Cancel', prompt.confirmLabel],
        // Enter and Escape both mean "no": saying yes takes a deliberate click.
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      };
      const window = deps.window();
      const answer = window ? await deps.dialog.showMessageBox(window, options) : await deps.dialog.showMessageBox(options);
      return answer.response === 1;
    },
    async chooseFolder(prompt) {
      const options = { title: prompt.title, defaultPath: prompt.defaultPath, properties: ['openDirectory' as const, 'createDirectory' as const] };
      const window = deps.window();
      const answer = window ? await deps.dialog.showOpenDialog(window, options) : await deps.dialog.showOpenDialog(options);
      return answer.canceled ? null : (answer.filePaths[0] ?? null);
    },
  };
}
