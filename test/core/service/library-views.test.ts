// The picture detail view as the window receives it: the whole generation record from the
// sidecar, references described as the disk has them now, and nothing the window must not hold.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PictureDetailViewSchema } from '../../../shared/contract-library';
import type { Sidecar } from '../../../shared/domain';
import { itemFromSidecar } from '../../../electron/core/library/library-item';
import { toPictureDetailView, type PictureRecordFacts } from '../../../electron/core/service/library-views';

const root = path.resolve('/pictures/Easel');
const base = 'easel-media://';
const sidecarPath = path.join(root, '2026', '03', '2026-03-09_a-lighthouse_1234abcd-1.json');
const libraryReference = path.join(root, '2026', '02', '2026-02-01_a-harbour_99990000-0.png');
const outsideReference = path.resolve('/home/ana/Desktop/sketch.jpg');

function sidecar(over: Partial<Sidecar> = {}): Sidecar {
  return {
    schemaVersion: 1,
    imageId: '1234abcd-0000-4000-8000-000000000000_1',
    jobId: '1234abcd-0000-4000-8000-000000000000',
    index: 1,
    file: '2026-03-09_a-lighthouse_1234abcd-1.png',
    createdAt: '2026-03-09T10:00:00.000Z',
    provider: 'sandbox',
    model: 'sketch',
    prompt: 'a lighthouse',
    negativePrompt: 'fog',
    aspectRatio: '16:9',
    resolution: '2k',
    seed: 4242,
    params: { style: 'poster' },
    references: [
      { kind: 'file', path: libraryReference },
      { kind: 'file', path: outsideReference },
      { kind: 'url', url: 'https://example.com/cat.png' },
    ],
    vendorJobId: 'sbx_secretish',
    vendorUrl: 'https://cdn.example.com/signed?token=abc',
    vendorUrlExpiresAt: '2026-03-23T10:00:00.000Z',
    costCredits: 2,
    timings: { submittedAt: '2026-03-09T10:00:01.000Z', completedAt: '2026-03-09T10:00:21.000Z', savedAt: '2026-03-09T10:00:22.000Z' },
    sha256: 'ab'.repeat(32),
    width: 2048,
    height: 1152,
    bytes: 123_456,
    mime: 'image/png',
    favorite: true,
    ...over,
  };
}

function facts(over: Partial<PictureRecordFacts> = {}): PictureRecordFacts {
  return {
    sidecar: sidecar(),
    jobCount: 2,
    siblingCount: 2,
    references: new Map([
      [libraryReference, { onDisk: true, mime: 'image/png', bytes: 2048, library: { imageId: '99990000-0000-4000-8000-000000000000_0', prompt: 'a harbour' } }],
      [outsideReference, { onDisk: false }],
    ]),
    ...over,
  };
}

describe('toPictureDetailView', () => {
  it('carries the whole request: parameters, references, resolution, seed, count and timings', () => {
    const record = sidecar();
    const view = toPictureDetailView(itemFromSidecar(record, sidecarPath), facts(), root, base);
    expect(PictureDetailViewSchema.parse(view)).toEqual(view);
    expect(view).toMatchObject({
      imageId: record.imageId,
      prompt: 'a lighthouse',
      negativePrompt: 'fog',
      aspectRatio: '16:9',
      resolution: '2k',
      seed: 4242,
      params: { style: 'poster' },
      count: 2,
      costCredits: 2,
      timings: { submittedAt: '2026-03-09T10:00:01.000Z', completedAt: '2026-03-09T10:00:21.000Z', savedAt: '2026-03-09T10:00:22.000Z' },
      url: 'easel-media://library/2026/03/2026-03-09_a-lighthouse_1234abcd-1.png',
    });
    expect(view.references).toEqual([
      {
        kind: 'file',
        path: libraryReference,
        name: '2026-02-01_a-harbour_99990000-0.png',
        onDisk: true,
        mime: 'image/png',
        bytes: 2048,
        library: { imageId: '99990000-0000-4000-8000-000000000000_0', prompt: 'a harbour', thumbUrl: 'easel-media://thumb/256/2026/02/2026-02-01_a-harbour_99990000-0.png' },
      },
      { kind: 'file', path: outsideReference, name: 'sketch.jpg', onDisk: false },
      { kind: 'url', url: 'https://example.com/cat.png' },
    ]);
  });

  it('leaves out what the window must not hold: the vendor’s signed link and the sidecar’s path', () => {
    const view = toPictureDetailView(itemFromSidecar(sidecar(), sidecarPath), facts(), root, base);
    const text = JSON.stringify(view);
    expect(text).not.toContain('token=abc');
    expect(text).not.toContain('.json');
    expect(view).not.toHaveProperty('sidecarPath');
    expect(view).not.toHaveProperty('vendorUrl');
    // The contract refuses any field it does not declare, rather than passing it on.
    expect(PictureDetailViewSchema.safeParse({ ...view, vendorUrl: 'https://cdn.example.com/x' }).success).toBe(false);
  });

  it('keeps "no seed" apart from seed 0', () => {
    const noSeed = sidecar();
    delete noSeed.seed;
    expect(toPictureDetailView(itemFromSidecar(noSeed, sidecarPath), facts({ sidecar: noSeed }), root, base)).not.toHaveProperty('seed');
    const zero = sidecar({ seed: 0 });
    expect(toPictureDetailView(itemFromSidecar(zero, sidecarPath), facts({ sidecar: zero }), root, base).seed).toBe(0);
  });

  it('counts the pictures found beside it when the job’s record is gone, never fewer than its own place', () => {
    const item = itemFromSidecar(sidecar(), sidecarPath);
    expect(toPictureDetailView(item, facts({ jobCount: null, siblingCount: 3 }), root, base).count).toBe(3);
    expect(toPictureDetailView(item, facts({ jobCount: null, siblingCount: 1 }), root, base).count).toBe(2);
    // The job's own record wins: pictures may have gone to the trash.
    expect(toPictureDetailView(item, facts({ jobCount: 4, siblingCount: 2 }), root, base).count).toBe(4);
  });

  it('a library file whose thumbnail could not be served is named, not shown', () => {
    const elsewhere = path.resolve('/other/library/pic.png');
    const record = sidecar({ references: [{ kind: 'file', path: elsewhere }] });
    const view = toPictureDetailView(
      itemFromSidecar(record, sidecarPath),
      facts({ sidecar: record, references: new Map([[elsewhere, { onDisk: true, library: { imageId: 'x_0', prompt: 'p' } }]]) }),
      root,
      base,
    );
    expect(view.references).toEqual([{ kind: 'file', path: elsewhere, name: 'pic.png', onDisk: true }]);
  });

  it('says so when the record beside the picture could not be read, and still shows the picture', () => {
    const item = itemFromSidecar(sidecar(), sidecarPath);
    const view = toPictureDetailView(item, facts({ sidecar: null, problem: 'The record beside this picture is not valid JSON.', jobCount: null, siblingCount: 2 }), root, base);
    expect(PictureDetailViewSchema.parse(view)).toEqual(view);
    expect(view).toMatchObject({ imageId: item.imageId, params: {}, references: [], count: 2, recordProblem: 'The record beside this picture is not valid JSON.' });
    expect(view).not.toHaveProperty('timings');
  });
});
