// A realistic library, quickly: a few hundred pictures painted by the sandbox painter at small
// sizes, each with a full sidecar (varied providers, models, dates, seeds, costs, favourites)
// added through the core's library, exactly as a finished job would add it.
import { createHash, randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { paint } from '../../electron/core/providers/sandbox/sandbox-painter';
import type { Core } from '../../electron/core/create-core';
import type { ModelInfo } from '../../shared/catalog';
import type { ProviderId, Sidecar } from '../../shared/domain';
import { samplePrompt, seededRandom } from './sample-prompts';

const DAY = 24 * 60 * 60 * 1000;

/** Long side 512 for most, 1024 for the newest few (the ones a detail view opens). */
function sizeFor(aspectRatio: string, longSide: number): { width: number; height: number } {
  const [w, h] = aspectRatio.split(':').map(Number) as [number, number];
  if (!w || !h) return { width: longSide, height: longSide };
  return w >= h ? { width: longSide, height: Math.round((longSide * h) / w) } : { width: Math.round((longSide * w) / h), height: longSide };
}

interface Pick {
  provider: ProviderId;
  model: ModelInfo;
  weight: number;
}

export async function seedLibrary(core: Core, count: number, now = Date.now()): Promise<number> {
  const random = seededRandom(20251122);
  const picks: Pick[] = core
    .catalog()
    .flatMap((provider) =>
      provider.models
        .filter((model) => model.capabilities.includes('text-to-image'))
        .map((model) => ({ provider: provider.id, model, weight: provider.id === 'sandbox' ? 1 : provider.id.startsWith('revid') ? 3 : 2 })),
    );
  const totalWeight = picks.reduce((sum, p) => sum + p.weight, 0);
  const choose = (): Pick => {
    let r = random() * totalWeight;
    for (const p of picks) if ((r -= p.weight) <= 0) return p;
    return picks[0]!;
  };

  let added = 0;
  const queue = Array.from({ length: count }, (_, i) => i);
  const worker = async () => {
    for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
      // Denser recently, thinning out over ten months: how a studio library grows.
      const ageDays = Math.pow(i / count, 1.6) * 300 + random() * 0.8;
      const createdAt = new Date(now - ageDays * DAY - 60_000).toISOString();
      const { provider, model } = choose();
      const aspectRatio = model.aspectRatios.length ? model.aspectRatios[Math.floor(random() * model.aspectRatios.length)]! : '1:1';
      const resolution = model.resolutions.length ? model.resolutions[Math.floor(random() * model.resolutions.length)] : undefined;
      const { width, height } = sizeFor(aspectRatio, i < 12 ? 1024 : 512);
      const seed = Math.floor(random() * 2_147_483_647);
      const { prompt, negativePrompt } = samplePrompt(random);
      const style = random() < 0.25 ? 'poster' : 'landscape';
      const bytes = await paint({ prompt, seed, index: 0, width, height, style });
      const jobId = randomUUID();
      const target = core.library.targetFor({ id: jobId, createdAt, request: { prompt } }, 0, 'png');
      await writeFile(target.path, bytes);
      const submittedAt = createdAt;
      const completedAt = new Date(Date.parse(createdAt) + model.typicalSeconds * 1000 * (0.6 + random())).toISOString();
      const credits = model.price?.credits ?? (resolution ? model.price?.byResolution?.[resolution] : undefined);
      const sidecar: Sidecar = {
        schemaVersion: 1,
        imageId: target.imageId,
        jobId,
        index: 0,
        file: target.path.split(/[\\/]/).pop()!,
        createdAt,
        provider,
        model: model.id,
        prompt,
        ...(negativePrompt && model.negativePrompt ? { negativePrompt } : {}),
        aspectRatio,
        ...(resolution ? { resolution } : {}),
        ...(model.seed ? { seed } : {}),
        params: provider === 'sandbox' ? { style } : {},
        references: [],
        vendorJobId: provider === 'sandbox' ? `sandbox-${jobId.slice(0, 8)}` : `${provider}-${jobId.slice(0, 12)}`,
        vendorUrl: `https://cdn.example.com/${provider}/${jobId}.png`,
        vendorUrlExpiresAt: new Date(Date.parse(completedAt) + 14 * DAY).toISOString(),
        ...(credits !== undefined ? { costCredits: credits } : {}),
        timings: { submittedAt, completedAt, savedAt: completedAt },
        sha256: createHash('sha256').update(bytes).digest('hex'),
        width,
        height,
        bytes: bytes.length,
        mime: 'image/png',
        favorite: random() < 0.09,
      };
      await core.library.add(sidecar);
      added++;
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  return added;
}
