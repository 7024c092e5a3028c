// Runner benchmark: many jobs in flight through the real core against the revid emulator.
// Reports wall time, requests per job and the process's peak memory while they run.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { envProviderAccess } from '../../electron/core/config/provider-access';
import { createCore } from '../../electron/core/create-core';
import { DEFAULT_TIMING } from '../../electron/core/jobs/timing-policy';
import { startRevidV1Emulator } from '../emulators/revid-v1-emulator';

export interface RunnerBenchResult {
  jobs: number;
  wallMs: number;
  requestsPerJob: number;
  peakRssMb: number;
  completed: number;
}

export async function benchRunner(jobs = 50): Promise<RunnerBenchResult> {
  const emu = await startRevidV1Emulator({ jobDurationMs: 1000 });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'easel-bench-runner-'));
  const core = createCore({
    paths: { dataDir, libraryDir: path.join(dataDir, 'library') },
    access: envProviderAccess({ EASEL_REVID_API_KEY: 'sk_live_test', EASEL_REVID_BASE_URL: emu.url }),
    timing: { ...DEFAULT_TIMING, pollInitialMs: 200, pollMaxMs: 1000 },
  });
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  try {
    const submitted = await Promise.all(
      Array.from({ length: jobs }, (_, i) => core.runner.submit({ provider: 'revid', model: 'nano-banana', prompt: `bench picture ${i}` })),
    );
    const finished = await Promise.all(submitted.map((j) => core.runner.run(j.id)));
    return {
      jobs,
      wallMs: Math.round(performance.now() - started),
      requestsPerJob: Number((emu.log.length / jobs).toFixed(2)),
      peakRssMb: Math.round(peak / 1024 / 1024),
      completed: finished.filter((j) => j.state === 'completed').length,
    };
  } finally {
    clearInterval(sampler);
    await core.close();
    await emu.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
