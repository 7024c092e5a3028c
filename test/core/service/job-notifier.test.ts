import { describe, expect, it, vi } from 'vitest';
import { createJobNotifier, describeFinishedJob, shouldNotify, type JobNotification } from '../../../electron/core/service/job-notifier';
import type { JobRecord } from '../../../shared/domain';

function job(patch: Partial<JobRecord> = {}): JobRecord {
  return {
    schemaVersion: 1,
    id: '1a2b3c4d-0000-4000-8000-000000000000',
    createdAt: '2026-11-21T10:00:00.000Z',
    updatedAt: '2026-11-21T10:00:05.000Z',
    state: 'completed',
    request: { provider: 'sandbox', model: 'sketch', prompt: 'a lighthouse at dusk', count: 1, references: [], params: {} },
    tasks: [{ index: 0, idempotencyKey: 'k', status: 'succeeded', createAttempts: 1 }],
    results: [
      {
        index: 0,
        taskIndex: 0,
        url: 'sandbox://x',
        downloadAttempts: 1,
        saved: { path: '/lib/2026/11/a.png', sidecarPath: '/lib/2026/11/a.json', sha256: 'x', width: 1, height: 1, bytes: 1, mime: 'image/png' },
      },
    ],
    ...patch,
  };
}

function setup(options: { focused: boolean; enabled?: boolean; onlyWhenUnfocused?: boolean; supported?: boolean }) {
  const shown: JobNotification[] = [];
  const notifier = createJobNotifier({
    settings: { get: () => ({ notifications: { enabled: options.enabled ?? true, onlyWhenUnfocused: options.onlyWhenUnfocused ?? true } }) },
    host: { isSupported: () => options.supported ?? true, isWindowFocused: () => options.focused, show: (n) => shown.push(n) },
    thumbnails: { get: vi.fn(async () => '/data/thumbnails/ab/ab-256.png') },
  });
  return { notifier, shown };
}

describe('job notifications', () => {
  it('show when a job completes while the window is not focused, with the picture as icon', async () => {
    const { notifier, shown } = setup({ focused: false });
    notifier.jobFinished(job());
    await vi.waitFor(() => expect(shown).toHaveLength(1));
    expect(shown[0]).toEqual({
      title: 'Picture ready',
      body: 'a lighthouse at dusk',
      iconPath: '/data/thumbnails/ab/ab-256.png',
      jobId: '1a2b3c4d-0000-4000-8000-000000000000',
      imageId: '1a2b3c4d-0000-4000-8000-000000000000_0',
    });
  });

  it('stay quiet while the person is looking at the window, unless they asked for them anyway', async () => {
    const quiet = setup({ focused: true });
    quiet.notifier.jobFinished(job());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(quiet.shown).toHaveLength(0);

    const always = setup({ focused: true, onlyWhenUnfocused: false });
    always.notifier.jobFinished(job());
    await vi.waitFor(() => expect(always.shown).toHaveLength(1));
  });

  it('stay quiet when turned off or unsupported', async () => {
    for (const options of [{ focused: false, enabled: false }, { focused: false, supported: false }]) {
      const { notifier, shown } = setup(options);
      notifier.jobFinished(job());
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(shown).toHaveLength(0);
    }
    expect(shouldNotify({ enabled: true, onlyWhenUnfocused: true }, false)).toBe(true);
    expect(shouldNotify({ enabled: true, onlyWhenUnfocused: true }, true)).toBe(false);
  });

  it('say what failed, and nothing for a job the person canceled', () => {
    const failed = describeFinishedJob(job({ state: 'failed', results: [], error: { code: 'CONTENT_REJECTED', message: 'The vendor refused this prompt.' } }));
    expect(failed).toMatchObject({ title: 'Generation failed', body: 'The vendor refused this prompt.', imageId: null });
    expect(describeFinishedJob(job({ state: 'canceled' }))).toBeNull();
    const long = describeFinishedJob(job({ request: { ...job().request, prompt: 'x'.repeat(300) } }));
    expect(long?.body.length).toBeLessThanOrEqual(90);
  });
});
