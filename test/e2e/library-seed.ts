// Fills a test library quickly with pictures that look real: a few distinct paintings from the
// sandbox's painter, hard-linked under many names (each with its own sidecar, as the job runner
// writes them), then one reindex. A thousand pictures take a second; twenty thousand, a few.
// Used by library.spec.ts, the scroll benchmark and the screenshots.
import { createHash, randomUUID } from 'node:crypto';
import { copyFileSync, linkSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Library } from '../../electron/core/library/library';
import { paint } from '../../electron/core/providers/sandbox/sandbox-painter';
import type { ProviderId, Sidecar } from '../../shared/domain';

export interface SeedOptions {
  count: number;
  /** Distinct images painted (each reused count/distinct times). Default 24. */
  distinct?: number;
  /** Side of the painted squares. Default 384. */
  size?: number;
  /** Newest picture's time; older ones go back an hour (or `spacingMs`) each. Default now. */
  newest?: Date;
  spacingMs?: number;
  /** Every nth picture is a favourite (0: none). Default 7. */
  favoriteEvery?: number;
  /** Where the painted sources go (outside the library). */
  workDir: string;
}

export interface SeededPicture {
  imageId: string;
  jobId: string;
  prompt: string;
  provider: ProviderId;
  model: string;
  seed: number;
  createdAt: string;
  favorite: boolean;
  path: string;
  sidecarPath: string;
}

const SUBJECTS = [
  'a red lighthouse on a cliff',
  'a lone fox in the snow',
  'a quiet harbour with fishing boats',
  'a cabin in a pine forest',
  'a desert caravan among dunes',
  'an old observatory under the stars',
  'a mountain lake at first light',
  'a paper boat on a rainy street',
  'a glass greenhouse full of ferns',
  'a windmill over tulip fields',
  'a train crossing a stone bridge',
  'a koi pond in a temple garden',
];
const TIMES = ['at dusk', 'at night under a full moon', 'in spring', 'by the ocean', 'in winter', 'in the summer sun', 'at sunset', 'after the rain'];
const STYLES = ['oil painting', 'watercolor', 'soft pastel illustration', 'cinematic photograph', 'isometric diorama', 'risograph poster', 'gouache sketch'];
const MODELS: readonly { provider: ProviderId; model: string }[] = [
  { provider: 'sandbox', model: 'sketch' },
  { provider: 'revid', model: 'nano-banana' },
  { provider: 'revid', model: 'imagen-4.0' },
  { provider: 'revid-gpt4o', model: 'gpt4o-image' },
  { provider: 'revid-nano-banana', model: 'google/nano-banana' },
  { provider: 'kvid', model: 'nano-banana' },
  { provider: 'unified', model: 'flux-1.1-pro' },
  { provider: 'unified', model: 'midjourney' },
];

/** The prompt of picture i (deterministic, varied, searchable). */
export function seedPrompt(i: number): string {
  return `${SUBJECTS[i % SUBJECTS.length]} ${TIMES[i % TIMES.length]}, ${STYLES[Math.floor(i / 3) % STYLES.length]}`;
}

interface Source {
  path: string;
  sha256: string;
  bytes: number;
  width: number;
  height: number;
}

async function paintSources(dir: string, distinct: number, size: number): Promise<Source[]> {
  mkdirSync(dir, { recursive: true });
  return Promise.all(
    Array.from({ length: distinct }, async (_, i) => {
      const png = await paint({ prompt: seedPrompt(i), seed: 1000 + i, index: 0, width: size, height: size, style: i % 5 === 4 ? 'poster' : 'landscape' });
      const file = path.join(dir, `source-${i}.png`);
      writeFileSync(file, png);
      const meta = await sharp(png).metadata();
      return { path: file, sha256: createHash('sha256').update(png).digest('hex'), bytes: png.length, width: meta.width ?? size, height: meta.height ?? size };
    }),
  );
}

/**
 * Writes `count` pictures and their sidecars into the library's folders and reindexes once.
 * Newest first: picture 0 is the newest.
 */
export async function seedLibrary(library: Library, options: SeedOptions): Promise<SeededPicture[]> {
  const distinct = Math.max(1, Math.min(options.distinct ?? 24, options.count));
  const sources = await paintSources(path.join(options.workDir, 'seed-sources'), distinct, options.size ?? 384);
  const newest = (options.newest ?? new Date()).getTime();
  const spacing = options.spacingMs ?? 3600_000;
  const favoriteEvery = options.favoriteEvery ?? 7;
  const seeded: SeededPicture[] = [];
  for (let i = 0; i < options.count; i++) {
    const source = sources[i % sources.length]!;
    const { provider, model } = MODELS[i % MODELS.length]!;
    const prompt = seedPrompt(i);
    const createdAt = new Date(newest - i * spacing).toISOString();
    const jobId = randomUUID();
    const target = library.targetFor({ id: jobId, createdAt, request: { prompt } }, 0, 'png');
    try {
      linkSync(source.path, target.path);
    } catch {
      copyFileSync(source.path, target.path);
    }
    const seed = 100_000 + i;
    const favorite = favoriteEvery > 0 && i % favoriteEvery === 3;
    const sidecar: Sidecar = {
      schemaVersion: 1,
      imageId: target.imageId,
      jobId,
      index: 0,
      file: path.basename(target.path),
      createdAt,
      provider,
      model,
      prompt,
      ...(i % 4 === 0 ? { negativePrompt: 'blurry, text, watermark' } : {}),
      aspectRatio: '1:1',
      seed,
      params: provider === 'sandbox' ? { style: 'landscape' } : {},
      references: [],
      vendorUrl: `https://cdn.example.test/${jobId}.png`,
      ...(provider === 'sandbox' ? { costCredits: 0 } : { costCredits: 4 }),
      timings: { submittedAt: createdAt, completedAt: createdAt, savedAt: createdAt },
      sha256: source.sha256,
      width: source.width,
      height: source.height,
      bytes: source.bytes,
      mime: 'image/png',
      favorite,
    };
    // Plain writes: these are test fixtures, not a person's only copy.
    writeFileSync(target.sidecarPath, `${JSON.stringify(sidecar, null, 2)}\n`);
    seeded.push({ imageId: target.imageId, jobId, prompt, provider, model, seed, createdAt, favorite, path: target.path, sidecarPath: target.sidecarPath });
  }
  library.reindex();
  return seeded;
}
