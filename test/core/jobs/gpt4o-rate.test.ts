// The revid 4o Image API allows "3 queries per second per task". With many jobs in flight and
// a poll clock far faster than that, only the runner's per-task budget keeps Easel under it;
// this drives 50 jobs through the real core and counts, on the emulator's side, every status
// query each task received.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { envProviderAccess } from '../../../electron/core/config/provider-access';
import { createCore, type Core } from '../../../electron/core/create-core';
import { DEFAULT_TIMING } from '../../../electron/core/jobs/timing-policy';
import { startRevidGpt4oEmulator, type RevidGpt4oEmulator } from '../../emulators/revid-gpt4o-emulator';

const JOBS = 50;
let emu: RevidGpt4oEmulator;
let core: Core;
let dataDir: string;

beforeEach(async () => {
  // Long enough that every task is polled across several one-second windows.
  emu = await startRevidGpt4oEmulator({ jobDurationMs: 2500 });
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'easel-gpt4o-rate-'));
  core = createCore({
    paths: { dataDir, libraryDir: path.join(dataDir, 'library') },
    access: envProviderAccess({ EASEL_REVID_API_KEY: 'sk_live_test', EASEL_REVID_GPT4O_BASE_URL: emu.url }),
    // A 20 ms poll clock would ask ~50 times a second per task without the budget.
    timing: { ...DEFAULT_TIMING, pollInitialMs: 20, pollMaxMs: 40, retryBaseMs: 20, retryMaxMs: 200, requestTimeoutMs: 10_000 },
  });
});
afterEach(async () => {
  await core.close();
  await emu.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('revid-gpt4o request budget', () => {
  it(`never exceeds 3 queries per second for one task, also with ${JOBS} jobs in flight`, async () => {
    const jobs = await Promise.all(
      Array.from({ length: JOBS }, (_, i) => core.runner.submit({ provider: 'revid-gpt4o', model: 'gpt4o-image', prompt: `picture number ${i}` })),
    );
    const finished = await Promise.all(jobs.map((job) => core.runner.run(job.id)));

    expect(finished.map((j) => j.state)).toEqual(Array(JOBS).fill('completed'));
    expect(emu.createCount()).toBe(JOBS);
    const byTask = emu.infoRequestsByTask();
    expect(byTask.size).toBe(JOBS);
    for (const [taskId, requests] of byTask) {
      const times = requests.map((r) => r.at).sort((a, b) => a - b);
      // No 1-second window holds more than 3: any 4 consecutive queries span at least 1000 ms.
      for (let i = 3; i < times.length; i++) {
        expect(times[i]! - times[i - 3]!, `task ${taskId}: queries ${i - 3}..${i}`).toBeGreaterThanOrEqual(1000);
      }
      // The budget, not a slow clock, is what held it: each task was polled more than 3 times.
      expect(requests.length, `task ${taskId}`).toBeGreaterThan(3);
    }
    expect(emu.peakQueriesPerTask().count).toBeLessThanOrEqual(3);
    // The emulator enforces the limit too; it never had to.
    expect(emu.requests('info').filter((r) => r.faulted)).toEqual([]);
    expect(finished.flatMap((j) => j.warning ? [j.warning] : [])).toEqual([]);
  }, 60_000);
});
