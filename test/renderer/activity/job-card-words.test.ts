// How a job card says how far a job is and what it cost: a vendor's figure is a bare percentage,
// an estimate says so, and a job nobody charged for is "Free", not "0 credits".
import { describe, expect, it } from 'vitest';
import type { JobView } from '../../../shared/contract-jobs';
import type { ModelInfo } from '../../../shared/catalog';
import { costLabel } from '../../../renderer/screens/activity/cost-label';
import { readProgress } from '../../../renderer/screens/activity/JobProgress';

const started = '2025-03-01T10:00:00.000Z';

function runningJob(patch: Partial<JobView> = {}): JobView {
  return {
    id: 'job-1',
    createdAt: started,
    updatedAt: started,
    submittedAt: started,
    state: 'running',
    request: { provider: 'revid-gpt4o', model: 'gpt-4o-image', prompt: 'a reading nook', count: 1, references: [], params: {} },
    tasks: [],
    results: [],
    dismissed: false,
    active: true,
    ...patch,
  } as JobView;
}

describe('progress words', () => {
  it('a vendor’s figure is a bare percentage, marked as the vendor’s', () => {
    const reading = readProgress(runningJob({ progress: 0.01 }), undefined, Date.parse(started) + 2000);
    expect(reading).toMatchObject({ fraction: 0.01, text: '1%', estimate: false, reported: true });
  });

  it('without one, an estimate against the model’s usual time, never the vendor’s', () => {
    const model = { typicalSeconds: 50 } as ModelInfo;
    const reading = readProgress(runningJob(), model, Date.parse(started) + 10_000);
    expect(reading).toMatchObject({ text: 'About 40 s left', estimate: true, reported: false });
  });
});

describe('cost words', () => {
  it('says Free for a job that cost nothing, and credits otherwise', () => {
    expect(costLabel(0)).toBe('Free');
    expect(costLabel(1)).toBe('1 credit');
    expect(costLabel(12.5)).toBe('12.5 credits');
  });
});
