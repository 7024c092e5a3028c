// Jobs the person hid from Activity. Kept beside the job records in <dataDir>/dismissed-jobs.json
// rather than in them: the job record is the runner's, and hiding a row is not a fact about the
// job. A lost or damaged file only brings rows back.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeJsonAtomic } from '../fs/atomic-write';

const FileSchema = z.object({ dismissed: z.array(z.string()) });

export interface DismissedJobs {
  has(jobId: string): boolean;
  add(jobId: string): Promise<void>;
  /** Forgets ids whose jobs no longer exist, so the file does not grow forever. */
  prune(existing: ReadonlySet<string>): Promise<void>;
}

export async function loadDismissedJobs(dataDir: string): Promise<DismissedJobs> {
  const file = path.join(dataDir, 'dismissed-jobs.json');
  const ids = new Set<string>(await readIds(file));
  // Writes are chained so two quick dismissals cannot overwrite each other out of order.
  let writing: Promise<void> = Promise.resolve();
  const save = (): Promise<void> => {
    const snapshot = [...ids];
    writing = writing.catch(() => {}).then(() => writeJsonAtomic(file, { dismissed: snapshot }));
    return writing;
  };
  return {
    has: (jobId) => ids.has(jobId),
    async add(jobId) {
      if (ids.has(jobId)) return;
      ids.add(jobId);
      await save();
    },
    async prune(existing) {
      const before = ids.size;
      for (const id of ids) if (!existing.has(id)) ids.delete(id);
      if (ids.size !== before) await save();
    },
  };
}

async function readIds(file: string): Promise<string[]> {
  try {
    const parsed = FileSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
    return parsed.success ? parsed.data.dismissed : [];
  } catch {
    return [];
  }
}
