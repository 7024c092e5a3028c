// One driver per job across processes: the desktop app and a CLI `resume` must never both poll
// (or, worse, both submit) the same job. A lock file holds the owner's pid; a lock whose owner
// has died (a crash, a SIGKILL) is taken over.
import { promises as fs } from 'node:fs';
import path from 'node:path';

export interface JobLock {
  release(): Promise<void>;
}

export async function acquireJobLock(jobsDir: string, jobId: string): Promise<JobLock | null> {
  const file = path.join(jobsDir, `${jobId}.lock`);
  await fs.mkdir(jobsDir, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await fs.open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return {
        async release() {
          await fs.rm(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await fs.readFile(file, 'utf8').catch(() => '')).trim());
      if (owner && owner !== process.pid && isAlive(owner)) return null;
      if (owner === process.pid) return null;
      await fs.rm(file, { force: true });
    }
  }
  return null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
