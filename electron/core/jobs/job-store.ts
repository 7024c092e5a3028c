// Durable job records: one JSON file per job, written atomically. A job exists on disk before
// anything is sent for it, and every fact learned from the vendor (above all its job id) is
// written before Easel acts on it, so a crash at any point resumes from the record.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { JobRecordSchema, type JobRecord } from '../../../shared/domain';
import { writeFileAtomic, writeJsonAtomic } from '../fs/atomic-write';

export interface JobStore {
  readonly dir: string;
  save(job: JobRecord): Promise<JobRecord>;
  get(id: string): Promise<JobRecord | null>;
  /** Newest first. Unreadable records are reported, never silently dropped. */
  list(): Promise<{ jobs: JobRecord[]; unreadable: { file: string; reason: string }[] }>;
  fileFor(id: string): string;
  /** Saves a raw vendor answer beside the job record, for diagnosis. */
  saveDiagnostic(id: string, text: string): Promise<string>;
}

const ID_PATTERN = /^[A-Za-z0-9_-]{6,64}$/;

export function createJobStore(dataDir: string): JobStore {
  const dir = path.join(dataDir, 'jobs');
  const fileFor = (id: string): string => {
    if (!ID_PATTERN.test(id)) throw new Error(`Invalid job id: ${id}`);
    return path.join(dir, `${id}.json`);
  };
  return {
    dir,
    fileFor,
    async saveDiagnostic(id, text) {
      const file = fileFor(id).replace(/\.json$/, isJson(text) ? '.response.json' : '.response.txt');
      await writeFileAtomic(file, text);
      return file;
    },
    async save(job) {
      const stamped: JobRecord = { ...job, updatedAt: new Date().toISOString() };
      await writeJsonAtomic(fileFor(job.id), stamped);
      return stamped;
    },
    async get(id) {
      if (!ID_PATTERN.test(id)) return null;
      try {
        return JobRecordSchema.parse(JSON.parse(await fs.readFile(fileFor(id), 'utf8')));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async list() {
      let names: string[];
      try {
        names = await fs.readdir(dir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { jobs: [], unreadable: [] };
        throw error;
      }
      const jobs: JobRecord[] = [];
      const unreadable: { file: string; reason: string }[] = [];
      for (const name of names) {
        // Saved vendor answers sit beside the records; they are evidence, not jobs.
        if (!name.endsWith('.json') || name.startsWith('.') || name.endsWith('.response.json')) continue;
        const file = path.join(dir, name);
        try {
          jobs.push(JobRecordSchema.parse(JSON.parse(await fs.readFile(file, 'utf8'))));
        } catch (error) {
          unreadable.push({ file, reason: error instanceof Error ? error.message.split('\n')[0]! : String(error) });
        }
      }
      jobs.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      return { jobs, unreadable };
    },
  };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
