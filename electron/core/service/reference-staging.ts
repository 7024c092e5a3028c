// references.stage: a picture pasted from the clipboard (a screenshot, an image copied in a
// browser) has bytes but no file, and a job's references are files or URLs. The bytes are kept
// as a file named by their sha256 under <dataDir>/staged-references, so pasting the same picture
// twice stores it once, and a job (or a later remix) finds it where its record says.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write';
import { invalidInput } from '../errors/easel-error';
import { sniffImageType } from '../images/image-type';
import type { HandlersFor, ServiceContext } from './service-context';

export const STAGED_REFERENCES_DIR = 'staged-references';

/** Old pastes are cleared once per start; a month covers any job still waiting on its file. */
const KEEP_MS = 30 * 24 * 3600_000;

export function referenceHandlers(context: ServiceContext): HandlersFor<'references'> {
  const dir = path.join(context.core.paths.dataDir, STAGED_REFERENCES_DIR);
  let pruned = false;

  return {
    async 'references.stage'({ name, data }) {
      const bytes = Buffer.from(data, 'base64');
      const type = sniffImageType(bytes.subarray(0, 12));
      if (!type) throw invalidInput(`${displayName(name)} is not a picture Easel can use as a reference (PNG, JPEG, WebP or GIF).`);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const target = path.join(dir, `${sha256}.${type.ext}`);
      if (!(await isFile(target))) await writeFileAtomic(target, bytes);
      if (!pruned) {
        pruned = true;
        void pruneOld(dir, target).catch((error: unknown) => context.log(`Could not clear old staged references: ${String(error)}`));
      }
      return { path: target, name: displayName(name), bytes: bytes.length, mime: type.mime };
    },
  };
}

/** The name as a person would read it: no folders, no control characters. */
function displayName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean || 'Pasted picture';
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

async function pruneOld(dir: string, keep: string, now = Date.now()): Promise<void> {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (!entry.isFile() || file === keep) continue;
    const stat = await fs.stat(file);
    if (now - stat.mtimeMs > KEEP_MS) await fs.rm(file, { force: true });
  }
}
