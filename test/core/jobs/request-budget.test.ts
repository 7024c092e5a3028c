import { describe, expect, it } from 'vitest';
import { SlidingWindow } from '../../../electron/core/jobs/request-budget';

describe('SlidingWindow', () => {
  it('never lets more than `limit` requests through in any window', async () => {
    const window = new SlidingWindow(3, 200);
    const stamps: number[] = [];
    await Promise.all(Array.from({ length: 9 }, () => window.acquire().then(() => stamps.push(Date.now()))));
    stamps.sort((a, b) => a - b);
    for (let i = 3; i < stamps.length; i++) expect(stamps[i]! - stamps[i - 3]!).toBeGreaterThanOrEqual(200);
  });

  it('ends a wait at once when the job is canceled', async () => {
    const window = new SlidingWindow(1, 60_000);
    await window.acquire();
    const controller = new AbortController();
    const waiting = window.acquire(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'CANCELED' });
  });
});
