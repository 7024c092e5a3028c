// Library index benchmark: how long indexing, searching and paging take at a realistic size.
// Only the index is measured: the synthetic pictures are indexed exactly as `Library.add` does
// (one upsert, one transaction each) but without writing sidecar files, whose cost is the
// disk's fsync rather than Easel's. Searches and pages then go through the public Library API.
//
//   node bin/run-ts.mjs test/bench/library-bench.ts [n]
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { PROVIDER_IDS, type Sidecar } from '../../shared/domain';
import { createLibrary, type LibraryQuery } from '../../electron/core/library/library';
import { openLibraryIndex } from '../../electron/core/library/library-index';
import { itemFromSidecar } from '../../electron/core/library/library-item';
import { targetFor } from '../../electron/core/library/library-layout';

export interface LibraryBenchResult {
  /** Total time to index all n pictures, one transaction each. */
  insertMs: number;
  /** Mean time of one search (text, prefix, filters; first page of 100). */
  searchMs: number;
  /** Mean time of one page of 100 of the full listing, at offsets from the start to the end. */
  pageMs: number;
  /** Size of the index file once closed. */
  dbBytes: number;
}

const WORDS = (
  'lighthouse dusk dawn fox forest snowy rainy street cafe portrait keeper castle mountain river ocean wave storm ' +
  'neon cyberpunk city night market lantern dragon robot astronaut garden flower cherry blossom temple desert ' +
  'canyon glacier aurora volcano island harbor boat train station bridge tower library cathedral ruins jungle ' +
  'tiger owl wolf whale butterfly cat dog horse knight wizard witch samurai pirate detective painter violinist ' +
  'watercolor oil pastel charcoal photograph cinematic dramatic soft moody vibrant golden hour midnight foggy ' +
  'minimalist ornate baroque surreal isometric pixel vintage retro futuristic ancient cozy lonely crowded quiet'
).split(' ');
const MODELS = ['flux-pro', 'flux-dev', 'gpt-4o-image', 'nano-banana', 'kvid-v2', 'sandbox-basic'];
const PAGE = 100;

export async function benchLibrary(n = 20000): Promise<LibraryBenchResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'easel-library-bench-'));
  const root = path.join(dir, 'library');
  const indexPath = path.join(dir, 'library-index.db');
  try {
    const random = mulberry32(20000);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const start = Date.parse('2024-01-01T00:00:00Z');
    const span = 2 * 365 * 24 * 3600_000;

    const index = openLibraryIndex(indexPath, root);
    let insertMs = 0;
    for (let i = 0; i < n; i++) {
      const prompt = Array.from({ length: 6 + Math.floor(random() * 14) }, () => pick(WORDS)).join(' ');
      const createdAt = new Date(start + Math.floor(random() * span)).toISOString();
      const job = { id: `${i.toString(16).padStart(8, '0')}-bench-job`, createdAt, request: { prompt } };
      const target = targetFor(root, job, 0, 'png');
      const sidecar: Sidecar = {
        schemaVersion: 1,
        imageId: target.imageId,
        jobId: job.id,
        index: 0,
        file: path.basename(target.path),
        createdAt,
        provider: pick(PROVIDER_IDS),
        model: pick(MODELS),
        prompt,
        ...(random() < 0.3 ? { negativePrompt: `${pick(WORDS)} ${pick(WORDS)}` } : {}),
        aspectRatio: pick(['1:1', '16:9', '9:16', '4:3']),
        seed: Math.floor(random() * 2 ** 31),
        params: {},
        references: [],
        vendorUrl: `https://cdn.example.test/${i}.png`,
        costCredits: 1,
        timings: { savedAt: createdAt },
        sha256: i.toString(16).padStart(64, '0'),
        width: 1024,
        height: 1024,
        bytes: 1_500_000 + Math.floor(random() * 500_000),
        mime: 'image/png',
        favorite: random() < 0.05,
      };
      const item = itemFromSidecar(sidecar, target.sidecarPath);
      const t0 = performance.now();
      index.upsert(item);
      insertMs += performance.now() - t0;
    }
    index.close();

    const library = createLibrary({ root, indexPath });
    const searches: LibraryQuery[] = [
      { text: 'lighthouse' },
      { text: 'ligh' },
      { text: 'neon city night' },
      { text: 'fox', provider: 'revid' },
      { text: 'golden hou', model: 'flux-pro' },
      { favorite: true },
      { from: '2025-03-01', to: '2025-03-31' },
      { text: 'a "b AND OR *' },
    ];
    const searchMs = meanMs(5, () => {
      for (const q of searches) library.search({ ...q, limit: PAGE });
    }) / searches.length;

    const offsets = [0, Math.floor(n / 4), Math.floor(n / 2), Math.max(0, n - PAGE)];
    const pageMs = meanMs(5, () => {
      for (const offset of offsets) library.search({ limit: PAGE, offset });
    }) / offsets.length;

    library.close();
    return { insertMs: round(insertMs), searchMs: round(searchMs), pageMs: round(pageMs), dbBytes: statSync(indexPath).size };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function meanMs(runs: number, fn: () => void): number {
  fn(); // warm the statement cache and the page cache
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) fn();
  return (performance.now() - t0) / runs;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/** Small seeded PRNG, so every run indexes the same library. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const n = Number(process.argv[2] ?? 20000);
  console.log(JSON.stringify({ n, ...(await benchLibrary(n)) }, null, 2));
}
