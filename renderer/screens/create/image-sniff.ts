// A dropped file's true type from its first bytes, as the core reads it (electron/core/images/
// image-type.ts): a "photo.png" that is really a PDF is refused at once, in the tray, rather
// than after the person has pressed Generate.
export interface SniffedImage {
  mime: 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif';
  label: 'PNG' | 'JPEG' | 'WebP' | 'GIF';
}

export async function sniffImageFile(file: Blob): Promise<SniffedImage | null> {
  const b = new Uint8Array(await file.slice(0, 12).arrayBuffer());
  const ascii = (start: number, end: number) => String.fromCharCode(...b.subarray(start, end));
  if (b.length >= 8 && b[0] === 0x89 && ascii(1, 4) === 'PNG' && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) {
    return { mime: 'image/png', label: 'PNG' };
  }
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { mime: 'image/jpeg', label: 'JPEG' };
  if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return { mime: 'image/webp', label: 'WebP' };
  if (b.length >= 6 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) return { mime: 'image/gif', label: 'GIF' };
  return null;
}

export function mimeLabel(mime: string): string {
  const known: Record<string, string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/webp': 'WebP', 'image/gif': 'GIF' };
  if (known[mime]) return known[mime];
  if (mime.startsWith('image/')) return mime.slice('image/'.length).toUpperCase();
  if (mime.startsWith('text/')) return 'Text';
  if (mime === 'application/pdf') return 'PDF';
  return mime;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / 1024 / 1024;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}
