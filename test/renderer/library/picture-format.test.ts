// How the detail view words a record: the seed (and why there is none), timings, parameters.
import { describe, expect, it } from 'vitest';
import type { ModelInfo } from '../../../shared/catalog';
import { describeParam, describeSeed, describeTimings, formatElapsed } from '../../../renderer/screens/library/picture-format';

const withSeed = { seed: true, params: [{ type: 'enum', key: 'style', label: 'Style', options: ['landscape', 'poster'] }] } as unknown as ModelInfo;
const withoutSeed = { seed: false, params: [] } as unknown as ModelInfo;

describe('describeSeed', () => {
  it('shows the seed that was sent, 0 included', () => {
    expect(describeSeed(4242, withSeed)).toEqual({ value: '4242', note: null });
    expect(describeSeed(0, withSeed)).toEqual({ value: '0', note: null });
  });
  it('says "random at the vendor" only when no seed was sent to a model that takes one', () => {
    expect(describeSeed(undefined, withSeed).note).toBe('None sent (random at the vendor)');
    expect(describeSeed(undefined, undefined).note).toBe('None sent (random at the vendor)');
    expect(describeSeed(undefined, withoutSeed).note).toBe('This model takes no seed');
  });
});

describe('describeTimings', () => {
  it('reads submitted → finished, and how long the vendor took', () => {
    const text = describeTimings({ submittedAt: '2026-03-09T10:00:01.000Z', completedAt: '2026-03-09T10:00:21.500Z', savedAt: '2026-03-09T10:00:22.000Z' });
    expect(text.span).toMatch(/ → /);
    expect(text.took).toBe('20 s');
  });
  it('falls back to when the picture was saved', () => {
    expect(describeTimings({ submittedAt: '2026-03-09T10:00:01.000Z', savedAt: '2026-03-09T10:00:03.400Z' }).took).toBe('2.4 s');
    expect(describeTimings({ savedAt: '2026-03-09T10:00:03.400Z' })).toMatchObject({ span: expect.stringMatching(/^Finished /), took: null });
  });
});

describe('formatElapsed', () => {
  it('is precise for short waits and coarse for long ones', () => {
    expect(formatElapsed(400)).toBe('under a second');
    expect(formatElapsed(2_460)).toBe('2.4 s');
    expect(formatElapsed(38_900)).toBe('38 s');
    expect(formatElapsed(185_000)).toBe('3 min 05 s');
    expect(formatElapsed(4_320_000)).toBe('1 h 12 min');
  });
});

describe('describeParam', () => {
  it('uses the catalog’s label, and On/Off for switches', () => {
    expect(describeParam(withSeed, 'style', 'poster')).toEqual({ label: 'Style', value: 'poster' });
    expect(describeParam(undefined, 'enhance', true)).toEqual({ label: 'enhance', value: 'On' });
  });
});
