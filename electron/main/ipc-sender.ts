// Who may call the bridge: the main frame of Easel's own window, showing a page from app://easel.
// Checked on every message before anything is parsed (as VS Code's ipcMain wrapper does): an
// iframe, a page that navigated elsewhere, a destroyed frame or another window is refused.
import type { IpcMainInvokeEvent } from 'electron';
import { APP_ORIGIN, isAppUrl } from './app-origin';

export type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>;

export interface SenderCheck {
  ok: boolean;
  /** For the developer log; never sent to the window. */
  reason: string;
}

/** `expectedSender`: the main window's webContents, when known. */
export function checkSender(event: SenderEvent, expectedSender?: unknown): SenderCheck {
  const frame = event.senderFrame;
  // null once the frame navigated away or was destroyed while the message was in flight.
  if (!frame) return { ok: false, reason: 'the sending frame is gone' };
  // The top frame is the one without a parent (frame objects are compared by fact, not identity).
  if (frame.parent !== null) return { ok: false, reason: `a sub-frame (${safeOrigin(frame.url)}) sent it` };
  if (!isAppUrl(frame.url)) return { ok: false, reason: `a page from ${safeOrigin(frame.url)} sent it` };
  // Chromium's own idea of the origin too: a frame whose URL says app://easel but whose origin is
  // opaque (a sandboxed or data-derived document) is not the app.
  if (frame.origin !== APP_ORIGIN) {
    return { ok: false, reason: `a page whose origin is ${frame.origin} sent it` };
  }
  if (expectedSender !== undefined && event.sender !== expectedSender) return { ok: false, reason: 'a window other than Easel’s sent it' };
  return { ok: true, reason: '' };
}

function safeOrigin(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'an unparsable address';
  }
}
