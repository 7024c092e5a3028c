// Turns what the person brings (files dropped or pasted or browsed, a picture dragged from the
// library, an address typed in) into tray items. Items that can never be sent carry a refusal,
// stay visible with their reason, and keep the form from submitting until removed: a person
// who meant to attach a reference should not get a paid job without it.
import { easel, errorOf } from '../../easel-bridge';
import type { DraftReference } from '../../state/draft-state';
import type { EaselImageDrag } from '../library/picture-drag';
import { formatBytes, sniffImageFile } from './image-sniff';


/**
 * references.stage's limit (PASTE_MAX_BYTES in shared/contract.ts), repeated here
 * because importing that module would bring zod and every schema into the window's bundle.
 */
const PASTE_MAX_BYTES = 30 * 1024 * 1024;

let nextId = 0;
const newId = (): string => `ref-${Date.now().toString(36)}-${(nextId++).toString(36)}`;

function refused(label: string, refusal: string, file?: File): DraftReference {
  return { id: newId(), kind: 'file', value: '', label, preview: null, fromLibrary: false, mime: file?.type || null, bytes: file?.size ?? null, refusal };
}

/** A file from the file manager (dropped, browsed, or copied there and pasted). */
export async function fromDiskFile(file: File): Promise<DraftReference> {
  const path = easel().files.pathFor(file);
  if (!path) {
    return refused(
      file.name || 'Dragged picture',
      `${file.name || 'This picture'} is not a file on this computer (it came from a browser or another app). Save it to disk and drop the file, or paste its address in the URL field.`,
      file,
    );
  }
  const type = await sniffImageFile(file);
  if (!type) return refused(file.name, notAPicture(file), file);
  return { id: newId(), kind: 'file', value: path, label: file.name, preview: URL.createObjectURL(file), fromLibrary: false, mime: type.mime, bytes: file.size, refusal: null };
}

/** A picture on the clipboard with no file behind it (a screenshot): main keeps its bytes as one. */
export async function fromClipboardFile(file: File): Promise<DraftReference> {
  if (easel().files.pathFor(file)) return fromDiskFile(file);
  const label = file.name && file.name !== 'image.png' ? file.name : 'Pasted picture';
  const type = await sniffImageFile(file);
  if (!type) return refused(label, notAPicture(file), file);
  if (file.size > PASTE_MAX_BYTES) {
    return refused(label, `The pasted picture is ${formatBytes(file.size)}; Easel takes pasted pictures up to ${formatBytes(PASTE_MAX_BYTES)}.`, file);
  }
  try {
    const staged = await easel().references.stage({ name: label, data: await base64Of(file) });
    return { id: newId(), kind: 'file', value: staged.path, label, preview: URL.createObjectURL(file), fromLibrary: false, mime: staged.mime, bytes: staged.bytes, refusal: null };
  } catch (error) {
    return refused(label, `Easel could not keep the pasted picture: ${errorOf(error).message}`, file);
  }
}

/** A picture dragged from the Library; null when the drag data is not what the Library sends. */
export function fromLibraryDrag(json: string): DraftReference | null {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isLibraryDrag(data)) return null;
  const label = data.prompt.trim() ? data.prompt.trim() : 'Library picture';
  return { id: newId(), kind: 'file', value: data.path, label, preview: data.thumbUrl || null, fromLibrary: true, mime: null, bytes: null, refusal: null };
}

function isLibraryDrag(value: unknown): value is EaselImageDrag {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.imageId === 'string' && typeof v.path === 'string' && v.path !== '' && typeof v.thumbUrl === 'string' && typeof v.prompt === 'string';
}

/** An image address typed or pasted in the URL field: a reference, or why it is not one. */
export function fromUrl(text: string): DraftReference | string {
  const value = text.trim();
  if (!value) return 'Type or paste the address of a picture.';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'That is not a web address. It should start with https://.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Only http:// and https:// addresses can be fetched by a vendor.';
  if (value.length > 4096) return 'That address is too long (at most 4,096 characters).';
  const last = decodeURIComponentSafe(url.pathname.split('/').filter(Boolean).pop() ?? '');
  return { id: newId(), kind: 'url', value: url.href, label: last ? `${url.host} · ${last}` : url.host, preview: null, fromLibrary: false, mime: null, bytes: null, refusal: null };
}

// The picture types a model takes are listed above the references; naming them here as well
// would promise GIF to a model that refuses it.
function notAPicture(file: File): string {
  const what = file.type && !file.type.startsWith('image/') ? ` (it is ${describeType(file.type)})` : '';
  return `${file.name || 'This file'} is not a picture${what}. Remove it and drop a picture file instead.`;
}

function describeType(type: string): string {
  const known: Record<string, string> = { 'text/plain': 'a text file', 'application/pdf': 'a PDF', 'application/json': 'a JSON file', 'text/markdown': 'a text file' };
  return known[type] ?? `a ${type} file`;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The pasted picture could not be read.'));
    reader.readAsDataURL(file);
  });
}
