import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'libsql';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { INDEX_SCHEMA_VERSION } from '../../../electron/core/library/library-index';
import { createLibrary, type Library } from '../../../electron/core/library/library';
import { makeSandbox, savePicture, type Sandbox } from './library-fixtures';

let sandbox: Sandbox;
afterEach(() => sandbox.cleanup());

async function seeded(): Promise<Library> {
  sandbox = makeSandbox();
  const library = sandbox.open();
  await savePicture(library, { prompt: 'A red lighthouse at dusk', provider: 'revid', createdAt: '2025-01-10T08:00:00Z', seed: 7 });
  await savePicture(library, { prompt: 'Café on a rainy street', provider: 'kvid', createdAt: '2024-11-02T08:00:00Z', negativePrompt: 'blurry' });
  const fav = await savePicture(library, { prompt: 'Lighthouse keeper portrait', provider: 'revid', createdAt: '2025-03-01T08:00:00Z' });
  await library.setFavorite(fav.imageId, true);
  return library;
}

function removeIndexFiles(indexPath: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${indexPath}${suffix}`, { force: true });
}

const QUERIES = [{}, { text: 'lightho' }, { text: 'blurry' }, { favorite: true }, { provider: 'revid' }, { from: '2025-01-01' }];

describe('rebuilding the index from the files', () => {
  it('rebuilds a deleted index on open with the same results', async () => {
    const library = await seeded();
    const before = QUERIES.map((q) => library.search(q));
    library.close();
    removeIndexFiles(sandbox.indexPath);

    const reopened = sandbox.open();
    expect(existsSync(sandbox.indexPath)).toBe(true);
    expect(QUERIES.map((q) => reopened.search(q))).toEqual(before);
  });

  it('reindexes on demand with the same results and reports how many it read', async () => {
    const library = await seeded();
    const before = QUERIES.map((q) => library.search(q));
    expect(library.reindex()).toEqual({ indexed: 3, skipped: [] });
    expect(QUERIES.map((q) => library.search(q))).toEqual(before);
  });

  it('replaces an index file that is not a database', async () => {
    const library = await seeded();
    const before = library.search({});
    library.close();
    removeIndexFiles(sandbox.indexPath);
    writeFileSync(sandbox.indexPath, 'this is not a database, just noise '.repeat(200));

    expect(sandbox.open().search({})).toEqual(before);
  });

  it('drops and rebuilds an index written by another schema version', async () => {
    const library = await seeded();
    const before = library.search({});
    library.close();
    const db = new Database(sandbox.indexPath);
    // Rows an older Easel wrote: if they were trusted, the gallery would show them.
    db.exec(`UPDATE images SET prompt = 'stale row'; PRAGMA user_version = ${INDEX_SCHEMA_VERSION + 1}`);
    db.close();

    const reopened = sandbox.open();
    expect(reopened.search({})).toEqual(before);
    const check = new Database(sandbox.indexPath);
    expect(check.prepare('PRAGMA user_version').get()).toMatchObject({ user_version: INDEX_SCHEMA_VERSION });
    expect(check.prepare('PRAGMA journal_mode').get()).toMatchObject({ journal_mode: 'wal' });
    check.close();
  });

  it('indexes sidecars copied into the folder when the index is empty', async () => {
    const library = await seeded();
    const before = library.search({});
    library.close();
    // Another Easel's library, copied over with its sidecars, opened with a fresh index there.
    const copy = path.join(sandbox.dir, 'copied');
    copyTree(sandbox.root, copy);
    const other = sandboxFor(copy, path.join(sandbox.dir, 'other-index.db'));
    expect(other.search({}).map((i) => i.imageId)).toEqual(before.map((i) => i.imageId));
    expect(other.search({}).every((i) => i.path.startsWith(copy))).toBe(true);
    other.close();
  });

  it('follows the library when the same index is opened for another folder', async () => {
    const library = await seeded();
    library.close();
    mkdirSync(path.join(sandbox.dir, 'elsewhere'));
    const moved = sandboxFor(path.join(sandbox.dir, 'elsewhere'), sandbox.indexPath);
    expect(moved.search({})).toEqual([]);
    moved.close();
  });

  it('skips and reports a corrupt sidecar without losing the others', async () => {
    const library = await seeded();
    const broken = library.search({ text: 'cafe' })[0]!;
    writeFileSync(broken.sidecarPath, '{"schemaVersion": 1, "imageId": ');

    const report = library.reindex();
    expect(report.indexed).toBe(2);
    expect(report.skipped).toContainEqual({ path: broken.sidecarPath, reason: expect.stringMatching(/not valid JSON/) });
    // Its picture is now one nobody describes; that is reported too.
    expect(report.skipped).toContainEqual({ path: broken.path, reason: expect.stringMatching(/No sidecar/) });
    expect(library.search({ text: 'cafe' })).toEqual([]);
    expect(library.count({})).toBe(2);

    // The same on open: a broken file is never fatal.
    library.close();
    removeIndexFiles(sandbox.indexPath);
    expect(sandbox.open().count({})).toBe(2);
  });

  it('skips a sidecar that is JSON but not an Easel record, naming the problem', async () => {
    const library = await seeded();
    const target = library.search({ text: 'dusk' })[0]!;
    const onDisk = JSON.parse(readFileSync(target.sidecarPath, 'utf8')) as Record<string, unknown>;
    writeFileSync(target.sidecarPath, JSON.stringify({ ...onDisk, prompt: 42 }));
    const report = library.reindex();
    expect(report.indexed).toBe(2);
    expect(report.skipped.find((s) => s.path === target.sidecarPath)?.reason).toMatch(/not an Easel sidecar \(prompt: /);
  });

  it('reports a picture without a sidecar and a sidecar without its picture', async () => {
    const library = await seeded();
    const folder = path.join(sandbox.root, '2025', '03');
    const stray = path.join(folder, 'dropped-in-by-hand.png');
    await sharp({ create: { width: 8, height: 8, channels: 3, background: '#00f' } }).png().toFile(stray);
    const orphan = library.search({ text: 'dusk' })[0]!;
    rmSync(orphan.path);

    const report = library.reindex();
    expect(report.indexed).toBe(2);
    expect(report.skipped).toEqual(
      expect.arrayContaining([
        { path: stray, reason: expect.stringMatching(/No sidecar describes this picture/) },
        { path: orphan.sidecarPath, reason: expect.stringMatching(/is not in this folder/) },
      ]),
    );
    expect(existsSync(stray)).toBe(true);
  });

  it('ignores temp files of downloads and writes in flight', async () => {
    const library = await seeded();
    const folder = path.join(sandbox.root, '2025', '03');
    writeFileSync(path.join(folder, '.2025-03-01_x_12345678-0.part'), 'partial bytes');
    writeFileSync(path.join(folder, '.2025-03-01_x_12345678-0.json.abcd1234.tmp'), '{');
    expect(library.reindex()).toEqual({ indexed: 3, skipped: [] });
  });

  it('reports a sidecar copied twice once, keeping the first', async () => {
    const library = await seeded();
    const item = library.search({ text: 'dusk' })[0]!;
    const twinDir = path.join(sandbox.root, 'backup');
    mkdirSync(twinDir);
    copyFileSync(item.path, path.join(twinDir, path.basename(item.path)));
    copyFileSync(item.sidecarPath, path.join(twinDir, path.basename(item.sidecarPath)));

    const report = library.reindex();
    expect(report.indexed).toBe(3);
    expect(report.skipped).toHaveLength(1);
    expect(report.skipped[0]!.reason).toMatch(/repeats picture/);
  });
});

function sandboxFor(root: string, indexPath: string): Library {
  return createLibrary({ root, indexPath });
}

function copyTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) copyTree(src, dst);
    else copyFileSync(src, dst);
  }
}
