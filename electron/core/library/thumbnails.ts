// Small copies of library pictures for the gallery (WebP, 256 and 512 px) and for the OS (PNG, 64
// px drag icons and 256 px notification icons: Electron's nativeImage reads only PNG and JPEG).
// They are cached under <dataDir>/thumbnails by the picture's content hash, so a renamed or moved
// picture keeps its thumbnail, an edited one gets a new one, and the library folder itself is
// never written to.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

export const GALLERY_SIZES = [256, 512] as const;
export type ThumbnailSize = 64 | 256 | 512;
export type ThumbnailFormat = 'webp' | 'png';

export interface Thumbnails {
  readonly dir: string;
  /** The path of a cached thumbnail of `sourcePath`, made on first request. */
  get(sourcePath: string, size: ThumbnailSize, format?: ThumbnailFormat): Promise<string>;
}

export interface ThumbnailOptions {
  /** Cache folder, typically <dataDir>/thumbnails. */
  dir: string;
}

export function createThumbnails(options: ThumbnailOptions): Thumbnails {
  const dir = path.resolve(options.dir);
  // Two tiles asking for the same thumbnail at once share one sharp run.
  const pending = new Map<string, Promise<string>>();
  // Hashing a 20 MB picture on every gallery paint would be wasteful; a file whose size and
  // modification time are unchanged is taken to have unchanged content.
  const hashes = new Map<string, string>();

  const contentHash = async (sourcePath: string): Promise<string> => {
    const stat = await fs.stat(sourcePath);
    const memo = `${sourcePath}\0${stat.size}\0${stat.mtimeMs}`;
    const known = hashes.get(memo);
    if (known) return known;
    const hash = await hashFile(sourcePath);
    hashes.set(memo, hash);
    return hash;
  };

  return {
    dir,
    async get(sourcePath, size, format = 'webp') {
      // The file's own bytes, not the hash its sidecar records: a picture edited in another
      // program must not keep showing the old thumbnail.
      const hash = await contentHash(sourcePath);
      const target = path.join(dir, hash.slice(0, 2), `${hash}-${size}.${format}`);
      const inFlight = pending.get(target);
      if (inFlight) return inFlight;
      const job = (async () => {
        if (await exists(target)) return target;
        await render(sourcePath, target, size, format);
        return target;
      })().finally(() => pending.delete(target));
      pending.set(target, job);
      return job;
    },
  };
}

async function render(sourcePath: string, target: string, size: ThumbnailSize, format: ThumbnailFormat): Promise<void> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    // rotate(): honour EXIF orientation, as the full picture is shown.
    const pipeline = sharp(sourcePath, { failOn: 'error' }).rotate().resize(size, size, { fit: 'inside', withoutEnlargement: true });
    await (format === 'webp' ? pipeline.webp({ quality: 80 }) : pipeline.png()).toFile(temp);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

function hashFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
