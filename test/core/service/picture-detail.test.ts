// library.get end to end over a real core: the detail of a picture is its whole generation
// record, read from the sidecar and the disk as they are now, for pictures of any age.
import { rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { paint } from '../../../electron/core/providers/sandbox/sandbox-painter';
import type { JobView, SubmitInput } from '../../../shared/contract-jobs';
import type { PictureDetailView } from '../../../shared/contract-library';
import { startServiceFixture, valueOf, type ServiceFixture } from './service-fixture';

let fixture: ServiceFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

async function completed(f: ServiceFixture, input: SubmitInput): Promise<JobView> {
  const job = valueOf<JobView>(await f.call('jobs.submit', input));
  await expect.poll(async () => valueOf<JobView>(await f.call('jobs.get', { jobId: job.id })).state, { timeout: 15_000 }).toBe('completed');
  return valueOf<JobView>(await f.call('jobs.get', { jobId: job.id }));
}

async function detail(f: ServiceFixture, imageId: string): Promise<PictureDetailView> {
  const view = valueOf<PictureDetailView | null>(await f.call('library.get', { imageId }));
  if (!view) throw new Error(`${imageId} is not in the library`);
  return view;
}

async function referenceFile(f: ServiceFixture): Promise<string> {
  const file = path.join(f.dataDir, 'harbour.png');
  await writeFile(file, await paint({ prompt: 'a harbour', seed: 7, index: 0, width: 64, height: 48, style: 'landscape' }));
  return file;
}

describe('library.get', () => {
  it('answers with the whole record: parameters, references, resolution, seed, count and timings', async () => {
    fixture = await startServiceFixture();
    const f = fixture;
    const reference = await referenceFile(f);
    const job = await completed(f, {
      provider: 'sandbox',
      model: 'sketch',
      prompt: 'a lighthouse at dusk',
      negativePrompt: 'fog',
      aspectRatio: '16:9',
      resolution: '2k',
      count: 2,
      seed: 11,
      params: { style: 'poster' },
      references: [{ kind: 'file', path: reference }],
    });
    const view = await detail(f, job.results[1]!.saved!.imageId);
    expect(view).toMatchObject({
      index: 1,
      negativePrompt: 'fog',
      aspectRatio: '16:9',
      resolution: '2k',
      seed: 11,
      count: 2,
      params: { style: 'poster' },
      references: [{ kind: 'file', path: reference, name: 'harbour.png', onDisk: true, mime: 'image/png' }],
    });
    expect(view).not.toHaveProperty('recordProblem');
    const { submittedAt, completedAt, savedAt } = view.timings!;
    expect(submittedAt! <= completedAt!).toBe(true);
    expect(completedAt! <= savedAt).toBe(true);
    expect(JSON.stringify(view)).not.toContain('sandbox://');
  });

  it('shows a library picture used as a reference by its thumbnail and prompt', async () => {
    fixture = await startServiceFixture();
    const f = fixture;
    const first = await completed(f, { provider: 'sandbox', model: 'sketch', prompt: 'a harbour with boats', seed: 1 });
    const source = await detail(f, first.results[0]!.saved!.imageId);
    const second = await completed(f, { provider: 'sandbox', model: 'sketch', prompt: 'the same harbour at night', seed: 2, references: [{ kind: 'file', path: source.path }] });
    const view = await detail(f, second.results[0]!.saved!.imageId);
    expect(view.references).toEqual([
      {
        kind: 'file',
        path: source.path,
        name: path.basename(source.path),
        onDisk: true,
        mime: 'image/png',
        bytes: source.bytes,
        library: { imageId: source.imageId, prompt: 'a harbour with boats', thumbUrl: source.thumbUrl },
      },
    ]);
  });

  it('describes an old picture whose job is gone, and a reference deleted since', async () => {
    fixture = await startServiceFixture();
    const f = fixture;
    const reference = await referenceFile(f);
    const job = await completed(f, { provider: 'sandbox', model: 'sketch', prompt: 'three foxes', count: 3, seed: 5, params: { style: 'poster' }, references: [{ kind: 'file', path: reference }] });
    await rm(f.core.store.fileFor(job.id));
    await unlink(reference);

    const view = await detail(f, job.results[0]!.saved!.imageId);
    expect(view).toMatchObject({ count: 3, seed: 5, params: { style: 'poster' }, references: [{ kind: 'file', path: reference, onDisk: false }] });
  });

  it('records no seed only when none was sent', async () => {
    fixture = await startServiceFixture();
    const f = fixture;
    const withSeed = await completed(f, { provider: 'sandbox', model: 'sketch', prompt: 'a seeded picture', seed: 0 });
    const without = await completed(f, { provider: 'sandbox', model: 'sketch', prompt: 'an unseeded picture' });
    expect((await detail(f, withSeed.results[0]!.saved!.imageId)).seed).toBe(0);
    expect(await detail(f, without.results[0]!.saved!.imageId)).not.toHaveProperty('seed');
  });

  it('still shows a picture whose record was damaged, and says what is missing', async () => {
    fixture = await startServiceFixture();
    const f = fixture;
    const job = await completed(f, { provider: 'sandbox', model: 'sketch', prompt: 'a damaged record', seed: 3 });
    await writeFile(job.results[0]!.saved!.sidecarPath, '{ not json');
    const view = await detail(f, job.results[0]!.saved!.imageId);
    expect(view).toMatchObject({ prompt: 'a damaged record', params: {}, references: [], count: 1, recordProblem: expect.stringContaining('not valid JSON') });
    expect(view).not.toHaveProperty('timings');
  });
});
