// What the service needs from the desktop around it: the OS trash, the file manager, the
// clipboard, drag and drop, and native dialogs. Main implements it with Electron's shell,
// clipboard, webContents.startDrag and dialog (electron/main/desktop-shell.ts); a test or the
// browser harness records the calls. The service only ever passes paths it took from the
// library, never a path the window supplied.

/** A question main asks in a native dialog, which a compromised page can neither fake nor click. */
export interface ConfirmPrompt {
  title: string;
  message: string;
  detail: string;
  confirmLabel: string;
}

export interface ShellService {
  /** Moves files to the OS trash; never deletes. Rejects when one could not be moved. */
  trash(paths: readonly string[]): Promise<void>;
  /** Opens the file manager with the file selected. */
  reveal(path: string): void;
  /** Puts the picture itself (not its path) on the clipboard. */
  copyImage(path: string): Promise<void>;
  /** Starts an OS drag of the real file from the window; `iconPath` is a small PNG, or null for the OS default. */
  startDrag(path: string, iconPath: string | null): void;
  /** Asks the person; resolves true only when they chose `confirmLabel`. */
  confirm(prompt: ConfirmPrompt): Promise<boolean>;
  /** The OS folder picker; null when the person canceled. */
  chooseFolder(prompt: { title: string; defaultPath: string }): Promise<string | null>;
}
