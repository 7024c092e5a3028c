// Files arriving in the page the two ways a person brings them: dropped from the file manager
// and pasted from the clipboard. The bytes are read here, in the test process, and rebuilt as
// File objects in the page; a file "from disk" is registered with its path, so
// window.easel.files.pathFor(file) answers it as webUtils.getPathForFile would in the app.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { HarnessWindow } from './page-globals';

export interface PageFile {
  /** Absolute path of the file to read (and, when onDisk, the path pathFor answers). */
  path: string;
  /** File name in the page; the path's base name by default. */
  name?: string;
  /** MIME type as the OS would label it; guessed from the extension by default. */
  type?: string;
  /**
   * Whether pathFor knows the file's path (webUtils.getPathForFile in the app). Dropped files:
   * true by default (they come from the file manager). Pasted images: false by default.
   */
  onDisk?: boolean;
}

export interface DropResult {
  /**
   * Whether the drop happened: a real drop fires only when the target canceled dragover
   * (preventDefault), so a page that never accepts the drag gets no drop here either.
   */
  dropped: boolean;
  /** Whether the drop event's default action was prevented (the page handled it). */
  handled: boolean;
}

export interface PasteResult {
  /** Whether the paste event's default action was prevented (the page handled it). */
  handled: boolean;
}

interface WireFile {
  name: string;
  type: string;
  base64: string;
  path: string | null;
}

const TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.bmp': 'image/bmp',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.heic': 'image/heic',
  '.avif': 'image/avif',
  '.txt': 'text/plain',
  '.md': 'text/markdown',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
};

export function mimeTypeFor(filePath: string): string {
  // The OS labels what it does not know with an empty type; Chromium passes that on.
  return TYPES[path.extname(filePath).toLowerCase()] ?? '';
}

async function toWire(file: string | PageFile): Promise<WireFile> {
  const spec: PageFile = typeof file === 'string' ? { path: file } : file;
  const absolute = path.resolve(spec.path);
  return {
    name: spec.name ?? path.basename(absolute),
    type: spec.type ?? mimeTypeFor(absolute),
    base64: (await readFile(absolute)).toString('base64'),
    path: spec.onDisk === false ? null : absolute,
  };
}

function locate(page: Page, target: string | Locator): Locator {
  return typeof target === 'string' ? page.locator(target) : target;
}

/** Drops files from "the file manager" on `target`: dragenter, dragover, then drop if accepted. */
export async function dropFiles(page: Page, target: string | Locator, files: ReadonlyArray<string | PageFile>): Promise<DropResult> {
  const wire = await Promise.all(files.map(toWire));
  return locate(page, target).evaluate((element, list: WireFile[]) => {
    const harness = window as unknown as Window & HarnessWindow;
    const transfer = new DataTransfer();
    for (const item of list) {
      const bytes = Uint8Array.from(atob(item.base64), (char) => char.charCodeAt(0));
      const file = new File([bytes], item.name, { type: item.type, lastModified: Date.now() });
      if (item.path !== null) {
        harness.__easelTestFiles[item.name] = item.path;
        harness.__easelHarness?.registerFile(file, item.path);
      }
      transfer.items.add(file);
    }
    transfer.effectAllowed = 'copyLink';
    const box = element.getBoundingClientRect();
    const init: DragEventInit = {
      bubbles: true,
      cancelable: true,
      composed: true,
      dataTransfer: transfer,
      clientX: box.left + box.width / 2,
      clientY: box.top + box.height / 2,
    };
    element.dispatchEvent(new DragEvent('dragenter', init));
    const over = new DragEvent('dragover', init);
    element.dispatchEvent(over);
    if (!over.defaultPrevented) {
      element.dispatchEvent(new DragEvent('dragleave', init));
      return { dropped: false, handled: false };
    }
    const drop = new DragEvent('drop', init);
    element.dispatchEvent(drop);
    return { dropped: true, handled: drop.defaultPrevented };
  }, wire);
}

/**
 * Pastes an image on `target` (focused first, as a paste goes to the focused element). Like a
 * picture copied in a browser or a screenshot, the File has no path by default (pathFor answers
 * '', and the page stages its bytes with references.stage); `onDisk: true` registers the path.
 */
export async function pasteImage(page: Page, target: string | Locator, filePath: string, options: Omit<PageFile, 'path'> = {}): Promise<PasteResult> {
  const wire = await toWire({ ...options, onDisk: options.onDisk ?? false, path: filePath });
  const locator = locate(page, target);
  await locator.focus();
  return locator.evaluate((element, item: WireFile) => {
    const harness = window as unknown as Window & HarnessWindow;
    const bytes = Uint8Array.from(atob(item.base64), (char) => char.charCodeAt(0));
    const file = new File([bytes], item.name, { type: item.type, lastModified: Date.now() });
    if (item.path !== null) {
      harness.__easelTestFiles[item.name] = item.path;
      harness.__easelHarness?.registerFile(file, item.path);
    }
    const transfer = new DataTransfer();
    transfer.items.add(file);
    const paste = new ClipboardEvent('paste', { bubbles: true, cancelable: true, composed: true, clipboardData: transfer });
    element.dispatchEvent(paste);
    return { handled: paste.defaultPrevented };
  }, wire);
}
