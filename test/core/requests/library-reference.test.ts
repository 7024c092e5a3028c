import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineModels } from '../../../shared/catalog';
import type { JobRecord, Sidecar } from '../../../shared/domain';
import { createLibrary } from '../../../electron/core/library/library';
import { resolveReferences } from '../../../electron/core/requests/validate-request';

const [urlOnly] = defineModels([
  {
    id: 'url-only',
    label: 'URL Model',
    description: 'takes references by URL only',
    capabilities: ['text-to-image', 'image-to-image'],
    references: { max: 2, accepts: ['url'], mimeTypes: ['image/png'], required: false },
    typicalSeconds: 10,
  },
]);

let root: string;
let alive: string;
let expired: string;
let stray: string;

async function savePicture(jobId: string, prompt: string, expiresAt: string): Promise<string> {
  const library = createLibrary({ root, indexPath: path.join(root, '..', `${jobId}.db`) });
  const job = { id: jobId, createdAt: '2026-11-20T10:00:00.000Z', request: { prompt } } as JobRecord;
  const target = library.targetFor(job, 0, 'png');
  await sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } }).png().toFile(target.path);
  const sidecar: Sidecar = {
    schemaVersion: 1, imageId: target.imageId, jobId, index: 0, file: path.basename(target.path), createdAt: job.createdAt,
    provider: 'revid-gpt4o', model: 'gpt-image-1', prompt, params: {}, references: [], vendorUrl: `https://cdn.example/${jobId}.png`,
    vendorUrlExpiresAt: expiresAt, timings: { savedAt: job.createdAt }, sha256: 'x', width: 8, height: 8, bytes: 10, mime: 'image/png', favorite: false,
  };
  await library.add(sidecar);
  library.close();
  return target.path;
}

beforeAll(async () => {
  const base = await fs.mkdtemp(path.join(os.tmpdir(), 'easel-libref-'));
  root = path.join(base, 'library');
  alive = await savePicture('aaaaaaaa-1111-2222-3333-444444444444', 'a fox', new Date(Date.now() + 5 * 86400_000).toISOString());
  expired = await savePicture('bbbbbbbb-1111-2222-3333-444444444444', 'a wolf', new Date(Date.now() - 86400_000).toISOString());
  stray = path.join(base, 'holiday.png');
  await sharp({ create: { width: 8, height: 8, channels: 3, background: '#654321' } }).png().toFile(stray);
});

describe('library pictures as references for URL-only APIs', () => {
  it('sends the vendor URL of a library picture whose link is still alive', async () => {
    const refs = await resolveReferences([{ kind: 'file', path: alive }], urlOnly!, 'URL Model', () => ['revid/nano-banana']);
    expect(refs).toEqual([{ kind: 'url', url: 'https://cdn.example/aaaaaaaa-1111-2222-3333-444444444444.png' }]);
  });

  it('refuses a library picture whose link expired, saying when', async () => {
    await expect(resolveReferences([{ kind: 'file', path: expired }], urlOnly!, 'URL Model', () => ['revid/nano-banana'])).rejects.toThrow(
      /vendor link expired on \d{4}-\d{2}-\d{2}.*Models that take uploaded files: revid\/nano-banana/,
    );
  });

  it('refuses a local file that is not from the library, naming the models that take uploads', async () => {
    await expect(resolveReferences([{ kind: 'file', path: stray }], urlOnly!, 'URL Model', () => ['revid/nano-banana', 'sandbox/sketch'])).rejects.toThrow(
      /only accepts reference images by public URL.*holiday\.png.*revid\/nano-banana, sandbox\/sketch/,
    );
  });
});
