import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { shortIdFor, targetFor } from '../../../electron/core/library/library-layout';
import { makeJob, makeSandbox, type Sandbox } from './library-fixtures';

const ROOT = path.resolve('/pictures/Easel');
const JOB_ID = '3f2a9c1d-5b6e-4f70-8a9b-0c1d2e3f4a5b';

describe('targetFor', () => {
  it('files a picture under year and month with date, slug and short id', () => {
    const job = makeJob({ id: JOB_ID, createdAt: '2025-03-09T10:00:00.000Z', prompt: 'A red lighthouse at dusk' });
    const target = targetFor(ROOT, job, 0, 'png');
    expect(target.path).toBe(path.join(ROOT, '2025', '03', '2025-03-09_a-red-lighthouse-at-dusk_3f2a9c1d-0.png'));
    expect(target.sidecarPath).toBe(path.join(ROOT, '2025', '03', '2025-03-09_a-red-lighthouse-at-dusk_3f2a9c1d-0.json'));
    expect(target.imageId).toBe(`${JOB_ID}_0`);
  });

  it('dates by the UTC day the job was created', () => {
    const job = makeJob({ id: JOB_ID, createdAt: '2024-12-31T23:30:00-02:00' });
    expect(targetFor(ROOT, job, 0, 'png').path).toContain(path.join('2025', '01', '2025-01-01_'));
  });

  it('gives the same target every time for the same job and index, so a download can resume', () => {
    const job = makeJob({ id: JOB_ID });
    const first = targetFor(ROOT, job, 2, 'webp');
    const again = targetFor(ROOT, structuredClone(job), 2, 'webp');
    expect(again).toEqual(first);
    // The provisional target (before the format is known) differs only in its extension.
    const provisional = targetFor(ROOT, job, 2, 'part');
    expect(provisional.sidecarPath).toBe(first.sidecarPath);
    expect(provisional.imageId).toBe(first.imageId);
    expect(provisional.path.replace(/\.part$/, '.webp')).toBe(first.path);
  });

  it('keeps every result of a job, and every job, apart', () => {
    const job = makeJob({ id: JOB_ID });
    const other = makeJob({ id: '3f2a9c1e-0000-4000-8000-000000000000' });
    const targets = [targetFor(ROOT, job, 0, 'png'), targetFor(ROOT, job, 1, 'png'), targetFor(ROOT, job, 10, 'png'), targetFor(ROOT, other, 0, 'png')];
    expect(new Set(targets.map((t) => t.path)).size).toBe(4);
    expect(new Set(targets.map((t) => t.imageId)).size).toBe(4);
  });

  it('hashes job ids that are not UUIDs into a short lower-case id', () => {
    expect(shortIdFor(JOB_ID, 3)).toBe('3f2a9c1d-3');
    const hashed = shortIdFor('My_Job-ID-123', 0);
    expect(hashed).toMatch(/^[0-9a-f]{8}-0$/);
    expect(shortIdFor('My_Job-ID-123', 0)).toBe(hashed);
    expect(shortIdFor('My_Job-ID-124', 0)).not.toBe(hashed);
  });

  it('normalizes the extension and refuses nonsense', () => {
    const job = makeJob({ id: JOB_ID });
    expect(targetFor(ROOT, job, 0, '.PNG').path.endsWith('.png')).toBe(true);
    expect(() => targetFor(ROOT, job, 0, 'png/../../x')).toThrow(RangeError);
    expect(() => targetFor(ROOT, job, 0, '')).toThrow(RangeError);
    expect(() => targetFor(ROOT, job, -1, 'png')).toThrow(RangeError);
    expect(() => targetFor(ROOT, job, 1.5, 'png')).toThrow(RangeError);
    expect(() => targetFor(ROOT, makeJob({ createdAt: 'yesterday' }), 0, 'png')).toThrow(RangeError);
  });
});

describe('Library.targetFor', () => {
  let sandbox: Sandbox;
  afterEach(() => sandbox.cleanup());

  it('creates the folder so the runner can stream into it at once', () => {
    sandbox = makeSandbox();
    const library = sandbox.open();
    const target = library.targetFor(makeJob({ createdAt: '2023-07-04T12:00:00Z' }), 0, 'png');
    expect(path.dirname(target.path)).toBe(path.join(sandbox.root, '2023', '07'));
    expect(existsSync(path.dirname(target.path)) && statSync(path.dirname(target.path)).isDirectory()).toBe(true);
    expect(existsSync(target.path)).toBe(false);
  });
});
