import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { envProviderAccess } from '../../../electron/core/config/provider-access';
import { createCore, type Core } from '../../../electron/core/create-core';
import { DEFAULT_TIMING } from '../../../electron/core/jobs/timing-policy';
import { startRevidV1Emulator, type RevidV1Emulator } from '../../emulators/revid-v1-emulator';

let core: Core | undefined;
let emu: RevidV1Emulator | undefined;
afterEach(async () => {
  await core?.close();
  await emu?.close();
});

describe('auto-resume in a long-lived host', () => {
  it('saves a result whose downloads kept failing once the files come back, without a second create', async () => {
    emu = await startRevidV1Emulator({ jobDurationMs: 50 });
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'easel-auto-'));
    core = createCore({
      paths: { dataDir, libraryDir: path.join(dataDir, 'library') },
      access: envProviderAccess({ EASEL_REVID_API_KEY: 'sk_live_test', EASEL_REVID_BASE_URL: emu.url }),
      timing: { ...DEFAULT_TIMING, pollInitialMs: 20, pollMaxMs: 50, retryBaseMs: 10, retryMaxMs: 20, maxTransientRetries: 2 },
    });
    emu.inject('download', { kind: 'status', status: 503 }, 3);
    const job = await core.runner.submit({ provider: 'revid', model: 'nano-banana', prompt: 'a paper crane' });
    const paused = await core.runner.run(job.id);
    expect(paused.state).toBe('downloading');
    expect(paused.warning?.message).toMatch(/keeps it for about 13 d/);
    const done = new Promise((resolve) => core!.runner.onJobChanged((j) => j.state === 'completed' && resolve(j)));
    core.runner.startAutoResume(50);
    await expect(done).resolves.toMatchObject({ id: job.id, state: 'completed' });
    expect(emu.createCount()).toBe(1);
  });
});
