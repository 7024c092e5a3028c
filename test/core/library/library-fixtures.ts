// Shared helpers for the library tests: temp folders, minimal jobs, and pictures saved the way
// the job runner saves them (real image bytes at the target, then `add` with the sidecar).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { ProviderId, Sidecar } from '../../../shared/domain';
import { createLibrary, type LayoutJob, type Library } from '../../../electron/core/library/library';

export interface Sandbox {
  dir: string;
  root: string;
  indexPath: string;
  open(): Library;
  cleanup(): void;
}

/** A library folder and an index file in a fresh temp folder; `cleanup` closes what `open` opened. */
export function makeSandbox(): Sandbox {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'easel-library-'));
  const opened: Library[] = [];
  const sandbox: Sandbox = {
    dir,
    root: path.join(dir, 'library'),
    indexPath: path.join(dir, 'data', 'library-index.db'),
    open() {
      const library = createLibrary({ root: sandbox.root, indexPath: sandbox.indexPath });
      opened.push(library);
      return library;
    },
    cleanup() {
      for (const library of opened) library.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return sandbox;
}

export function makeJob(over: { id?: string; createdAt?: string; prompt?: string } = {}): LayoutJob {
  return {
    id: over.id ?? randomUUID(),
    createdAt: over.createdAt ?? '2025-03-09T10:00:00.000Z',
    request: { prompt: over.prompt ?? 'a red lighthouse at dusk' },
  };
}

export interface PictureSpec {
  prompt?: string;
  negativePrompt?: string;
  provider?: ProviderId;
  model?: string;
  createdAt?: string;
  index?: number;
  jobId?: string;
  seed?: number;
}

/** Saves a real 8×8 PNG at the library's target for a fresh job, then adds its sidecar. */
export async function savePicture(library: Library, spec: PictureSpec = {}): Promise<Sidecar> {
  const job = makeJob({
    ...(spec.jobId !== undefined ? { id: spec.jobId } : {}),
    ...(spec.createdAt !== undefined ? { createdAt: spec.createdAt } : {}),
    ...(spec.prompt !== undefined ? { prompt: spec.prompt } : {}),
  });
  const index = spec.index ?? 0;
  const target = library.targetFor(job, index, 'png');
  const info = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#f00' } }).png().toFile(target.path);
  const sidecar: Sidecar = {
    schemaVersion: 1,
    imageId: target.imageId,
    jobId: job.id,
    index,
    file: path.basename(target.path),
    createdAt: job.createdAt,
    provider: spec.provider ?? 'sandbox',
    model: spec.model ?? 'sandbox-basic',
    prompt: job.request.prompt,
    ...(spec.negativePrompt !== undefined ? { negativePrompt: spec.negativePrompt } : {}),
    ...(spec.seed !== undefined ? { seed: spec.seed } : {}),
    params: {},
    references: [],
    vendorUrl: 'https://example.test/result.png',
    timings: { savedAt: job.createdAt },
    sha256: '0'.repeat(64),
    width: info.width,
    height: info.height,
    bytes: info.size,
    mime: 'image/png',
    favorite: false,
  };
  await library.add(sidecar);
  return sidecar;
}

/** Prompts of search results, in order: what a person sees in the gallery. */
export function prompts(items: readonly { prompt: string }[]): string[] {
  return items.map((i) => i.prompt);
}
