import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveReferences, validateRequest } from '../../../electron/core/requests/validate-request';
import { revidAdapter } from '../../../electron/core/providers/revid/revid-adapter';
import { GenerationRequestSchema, type GenerationRequestInput } from '../../../shared/domain';

const base: GenerationRequestInput = { provider: 'revid', model: 'nano-banana', prompt: 'a lighthouse at dusk' };
const check = (patch: Partial<GenerationRequestInput>) => () => validateRequest(revidAdapter, GenerationRequestSchema.parse({ ...base, ...patch }));

describe('validateRequest', () => {
  it('accepts a plain request and types --param values from the catalog', () => {
    const { request } = check({ params: { speed: 'fast' } })();
    expect(request.params).toEqual({ speed: 'fast' });
  });

  it.each([
    ['an empty prompt', { prompt: '   ' }, /prompt is empty/],
    ['an unknown model', { model: 'dall-e-9' }, /no model "dall-e-9".*nano-banana/],
    ['an aspect ratio the model does not take', { aspectRatio: '5:1' }, /aspect ratio "5:1".*1:1/],
    ['a resolution the model does not take', { resolution: '8k' }, /resolution "8k"/],
    ['a negative prompt where there is none', { negativePrompt: 'blurry' }, /negative prompt/],
    ['two references for a one-reference model', { references: [{ kind: 'url', url: 'https://a/1.png' }, { kind: 'url', url: 'https://a/2.png' }] }, /at most 1 reference/],
    ['an unknown parameter', { params: { steps: '20' } }, /no parameter "steps".*speed/],
    ['a parameter value outside its choices', { params: { speed: 'warp' } }, /fast or slow/],
  ])('refuses %s with a clear message', (_name, patch, message) => {
    expect(check(patch as Partial<GenerationRequestInput>)).toThrow(message);
  });
});

describe('resolveReferences', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'easel-refs-'));
    await sharp({ create: { width: 8, height: 8, channels: 3, background: '#0a0' } }).png().toFile(path.join(dir, 'ok.png'));
    await fs.writeFile(path.join(dir, 'notes.png'), 'this is text pretending to be a picture');
    await sharp({ create: { width: 8, height: 8, channels: 3, background: '#0a0' } }).gif().toFile(path.join(dir, 'anim.gif'));
  });
  const model = revidAdapter.models[0]!;

  it('resolves a real image with its true type and size', async () => {
    const [ref] = await resolveReferences([{ kind: 'file', path: path.join(dir, 'ok.png') }], model, 'Nano Banana', () => []);
    expect(ref).toMatchObject({ kind: 'file', contentType: 'image/png', filename: 'ok.png' });
  });

  it('refuses a file that is not an image, whatever its name says', async () => {
    await expect(resolveReferences([{ kind: 'file', path: path.join(dir, 'notes.png') }], model, 'Nano Banana', () => [])).rejects.toThrow(/notes.png is not an image/);
  });

  it('refuses a missing file and an image type the model does not take', async () => {
    await expect(resolveReferences([{ kind: 'file', path: path.join(dir, 'gone.png') }], model, 'Nano Banana', () => [])).rejects.toThrow(/does not exist/);
    await expect(resolveReferences([{ kind: 'file', path: path.join(dir, 'anim.gif') }], model, 'Nano Banana', () => [])).rejects.toThrow(/GIF image.*accepts PNG, JPEG, WEBP/);
  });
});

describe('choices are matched without regard to case', () => {
  it('sends the vendor its own spelling: --resolution 2k becomes 2K for nano-banana-pro', async () => {
    const { revidNanoBananaAdapter } = await import('../../../electron/core/providers/revid-nano-banana/revid-nano-banana-adapter');
    const { request } = validateRequest(
      revidNanoBananaAdapter,
      GenerationRequestSchema.parse({ provider: 'revid-nano-banana', model: 'nano-banana-pro', prompt: 'x', resolution: '2k', aspectRatio: '16:9' }),
    );
    expect(request.resolution).toBe('2K');
    expect(request.aspectRatio).toBe('16:9');
  });
});
