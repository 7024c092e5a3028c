import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SidecarSchema } from '../../../shared/domain';
import { EaselError } from '../../../electron/core/errors/easel-error';
import { makeSandbox, prompts, savePicture, type Sandbox } from './library-fixtures';

let sandbox: Sandbox;
afterEach(() => sandbox.cleanup());

function sidecarOnDisk(p: string): unknown {
  return JSON.parse(readFileSync(p, 'utf8'));
}

describe('library files', () => {
  it('writes the sidecar beside the picture and indexes it', async () => {
    sandbox = makeSandbox();
    const library = sandbox.open();
    const sidecar = await savePicture(library, { prompt: 'A red lighthouse', seed: 42, negativePrompt: 'fog' });
    const item = library.get(sidecar.imageId);
    expect(item).not.toBeNull();
    expect(existsSync(item!.path)).toBe(true);
    expect(path.dirname(item!.sidecarPath)).toBe(path.dirname(item!.path));
    expect(path.basename(item!.path)).toBe(sidecar.file);
    expect(SidecarSchema.parse(sidecarOnDisk(item!.sidecarPath))).toEqual(sidecar);
    expect(item).toMatchObject({ prompt: 'A red lighthouse', negativePrompt: 'fog', seed: 42, width: 8, height: 8, mime: 'image/png', favorite: false, index: 0 });
    expect(item!.aspectRatio).toBeUndefined();
    expect(item!.costCredits).toBeUndefined();
    // Nothing but the picture and its sidecar is left in the folder (no temp files).
    expect(readdirSync(path.dirname(item!.path)).sort()).toEqual([sidecar.file, path.basename(item!.sidecarPath)].sort());
  });

  it('updates a picture added twice instead of duplicating it', async () => {
    sandbox = makeSandbox();
    const library = sandbox.open();
    const sidecar = await savePicture(library, { prompt: 'first words' });
    await library.add({ ...sidecar, prompt: 'second thoughts', costCredits: 2.5 });
    expect(library.count({})).toBe(1);
    expect(library.search({ text: 'first' })).toEqual([]);
    expect(library.get(sidecar.imageId)).toMatchObject({ prompt: 'second thoughts', costCredits: 2.5 });
    expect(sidecarOnDisk(library.get(sidecar.imageId)!.sidecarPath)).toMatchObject({ prompt: 'second thoughts' });
  });

  it('refuses a record that is not a sidecar', async () => {
    sandbox = makeSandbox();
    const library = sandbox.open();
    const sidecar = await savePicture(library);
    await expect(library.add({ ...sidecar, file: '../../outside.png' })).rejects.toThrow(EaselError);
    await expect(library.add({ ...sidecar, createdAt: 'someday' })).rejects.toThrow(EaselError);
    await expect(library.add({ ...sidecar, width: 'wide' } as unknown as typeof sidecar)).rejects.toThrow(/width/);
  });

  it('keeps a favourite in the sidecar file and in the index, across a reopen', async () => {
    sandbox = makeSandbox();
    const library = sandbox.open();
    const keep = await savePicture(library, { prompt: 'keep this one' });
    await savePicture(library, { prompt: 'not this one' });

    const updated = await library.setFavorite(keep.imageId, true);
    expect(updated).toMatchObject({ imageId: keep.imageId, favorite: true });
    const item = library.get(keep.imageId)!;
    expect(sidecarOnDisk(item.sidecarPath)).toMatchObject({ favorite: true });
    expect(item.favorite).toBe(true);
    expect(prompts(library.search({ favorite: true }))).toEqual(['keep this one']);
    library.close();

    const reopened = sandbox.open();
    expect(prompts(reopened.search({ favorite: true }))).toEqual(['keep this one']);
    await reopened.setFavorite(keep.imageId, false);
    expect(sidecarOnDisk(item.sidecarPath)).toMatchObject({ favorite: false });
    expect(reopened.search({ favorite: true })).toEqual([]);
  });

  it('survives a rebuild with the favourite intact, because the sidecar holds it', async () => {
    sandbox = makeSandbox();
    const library = sandbox.open();
    const sidecar = await savePicture(library);
    await library.setFavorite(sidecar.imageId, true);
    library.reindex();
    expect(library.get(sidecar.imageId)?.favorite).toBe(true);
  });

  it('keeps sidecar fields it does not know when saving a favourite', async () => {
    sandbox = makeSandbox();
    const library = sandbox.open();
    const sidecar = await savePicture(library);
    const sidecarPath = library.get(sidecar.imageId)!.sidecarPath;
    writeFileSync(sidecarPath, JSON.stringify({ ...(sidecarOnDisk(sidecarPath) as object), rating: 5, notes: 'from a newer Easel' }));
    await library.setFavorite(sidecar.imageId, true);
    expect(sidecarOnDisk(sidecarPath)).toMatchObject({ favorite: true, rating: 5, notes: 'from a newer Easel' });
  });

  it('applies quick favourite toggles in order', async () => {
    sandbox = makeSandbox();
    const library = sandbox.open();
    const sidecar = await savePicture(library);
    await Promise.all([true, false, true, false, true].map((on) => library.setFavorite(sidecar.imageId, on)));
    const item = library.get(sidecar.imageId)!;
    expect(item.favorite).toBe(true);
    expect(sidecarOnDisk(item.sidecarPath)).toMatchObject({ favorite: true });
  });

  it('says so when favouriting an unknown picture or one whose sidecar is gone', async () => {
    sandbox = makeSandbox();
    const library = sandbox.open();
    expect(await library.setFavorite('no-such-picture_0', true)).toBeNull();
    const sidecar = await savePicture(library);
    writeFileSync(library.get(sidecar.imageId)!.sidecarPath, '{ broken');
    await expect(library.setFavorite(sidecar.imageId, true)).rejects.toThrow(/favourite could not be saved/);
  });

  it('forgets a removed picture but leaves its files on disk for the caller to trash', async () => {
    sandbox = makeSandbox();
    const library = sandbox.open();
    const gone = await savePicture(library, { prompt: 'remove me' });
    await savePicture(library, { prompt: 'stay' });
    const item = library.get(gone.imageId)!;

    expect(library.remove(gone.imageId)).toEqual({ imageId: gone.imageId, path: item.path, sidecarPath: item.sidecarPath });
    expect(existsSync(item.path)).toBe(true);
    expect(existsSync(item.sidecarPath)).toBe(true);
    expect(library.get(gone.imageId)).toBeNull();
    expect(library.search({ text: 'remove' })).toEqual([]);
    expect(prompts(library.search({}))).toEqual(['stay']);
    expect(library.remove(gone.imageId)).toBeNull();
  });
});
