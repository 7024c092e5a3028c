// Remix from a picture's record: the draft Create opens with is the picture's whole request
// (model, prompts, aspect ratio, resolution, count, parameters, references) and a new seed,
// whatever the picture's age; references come back as tray items that say what is wrong with them.
import { describe, expect, it } from 'vitest';
import type { ModelInfo } from '../../../shared/catalog';
import type { PictureDetailView } from '../../../shared/contract-library';
import { referenceForDraft, remixDraft } from '../../../renderer/screens/library/picture-handover';

const sketch = { id: 'sketch', seed: true } as ModelInfo;
const noSeedModel = { id: 'gpt-4o-image', seed: false } as ModelInfo;

function picture(over: Partial<PictureDetailView> = {}): PictureDetailView {
  return {
    imageId: 'job_1',
    path: '/lib/2026/03/a_job-1.png',
    jobId: 'job',
    index: 1,
    provider: 'sandbox',
    model: 'sketch',
    prompt: 'a lighthouse',
    negativePrompt: 'fog',
    createdAt: '2026-03-09T10:00:00.000Z',
    width: 2048,
    height: 1365,
    bytes: 1000,
    sha256: 'ab'.repeat(32),
    mime: 'image/png',
    favorite: false,
    aspectRatio: '3:2',
    seed: 4242,
    url: 'easel-media://library/2026/03/a_job-1.png',
    thumbUrl: 'easel-media://thumb/256/2026/03/a_job-1.png',
    resolution: '2k',
    params: { style: 'poster' },
    references: [
      { kind: 'file', path: '/lib/2026/02/harbour_x-0.png', name: 'harbour_x-0.png', onDisk: true, mime: 'image/png', bytes: 2048, library: { imageId: 'x_0', prompt: 'a harbour', thumbUrl: 'easel-media://thumb/256/2026/02/harbour_x-0.png' } },
      { kind: 'file', path: '/home/ana/sketch.jpg', name: 'sketch.jpg', onDisk: true, mime: 'image/jpeg', bytes: 512 },
      { kind: 'url', url: 'https://example.com/cats/tabby%20cat.png' },
    ],
    count: 3,
    timings: { savedAt: '2026-03-09T10:00:22.000Z' },
    ...over,
  };
}

describe('remixDraft', () => {
  it('is the picture’s whole request with a new seed, random per job', () => {
    const draft = remixDraft(picture(), sketch);
    expect(draft).toMatchObject({
      provider: 'sandbox',
      model: 'sketch',
      prompt: 'a lighthouse',
      negativePrompt: 'fog',
      aspectRatio: '3:2',
      resolution: '2k',
      count: 3,
      params: { style: 'poster' },
      seedLocked: false,
    });
    expect(draft.seed).not.toBe(4242);
    expect(draft.seed).toBeGreaterThanOrEqual(0);
    expect(draft.references.map((r) => [r.kind, r.value])).toEqual([
      ['file', '/lib/2026/02/harbour_x-0.png'],
      ['file', '/home/ana/sketch.jpg'],
      ['url', 'https://example.com/cats/tabby%20cat.png'],
    ]);
  });

  it('gives no seed to a model that takes none, and empty fields to a picture that had none', () => {
    const bare = picture({ negativePrompt: undefined, aspectRatio: undefined, resolution: undefined, params: {}, references: [], count: 1 });
    delete bare.negativePrompt;
    delete bare.aspectRatio;
    delete bare.resolution;
    const draft = remixDraft(bare, noSeedModel);
    expect(draft).toMatchObject({ negativePrompt: '', aspectRatio: null, resolution: null, count: 1, seed: null, params: {}, references: [] });
  });

  it('does not share the picture’s parameters object with the draft', () => {
    const source = picture();
    const draft = remixDraft(source, sketch);
    draft.params.style = 'landscape';
    expect(source.params.style).toBe('poster');
  });
});

describe('referenceForDraft', () => {
  it('shows a library picture by its thumbnail and prompt, and lets URL-only models use its link', () => {
    const [library] = picture().references;
    expect(referenceForDraft(library!)).toMatchObject({ kind: 'file', label: 'a harbour', preview: 'easel-media://thumb/256/2026/02/harbour_x-0.png', fromLibrary: true, mime: 'image/png', bytes: 2048, refusal: null });
  });

  it('names other files and addresses, with what is known of them', () => {
    const [, file, url] = picture().references;
    expect(referenceForDraft(file!)).toMatchObject({ kind: 'file', value: '/home/ana/sketch.jpg', label: 'sketch.jpg', preview: null, fromLibrary: false, mime: 'image/jpeg', bytes: 512, refusal: null });
    expect(referenceForDraft(url!)).toMatchObject({ kind: 'url', label: 'example.com · tabby cat.png', preview: null, refusal: null });
  });

  it('refuses a file that is no longer on disk, saying where it was', () => {
    const gone = referenceForDraft({ kind: 'file', path: '/home/ana/sketch.jpg', name: 'sketch.jpg', onDisk: false });
    expect(gone.refusal).toBe('sketch.jpg is no longer at /home/ana/sketch.jpg. Remove it, or add the picture again.');
    expect(gone.fromLibrary).toBe(false);
  });
});
