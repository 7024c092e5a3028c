// The offline sandbox through the real CLI: no key, no emulator, no network, real pictures.
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { makeDataDir, runCli, type JobJson } from './cli-harness';
import { sha256Of, sha256sOf } from './cli-saved-files';

const env = async () => ({ EASEL_DATA_DIR: await makeDataDir(), EASEL_SANDBOX_DELAY_MS: '200' });

describe('sandbox provider', () => {
  it('saves a picture with no key and no network (the README example)', async () => {
    const e = await env();
    const result = await runCli(['generate', '--provider', 'sandbox', '--prompt', 'a lighthouse at dusk'], e);
    expect(result.code, result.stderr).toBe(0);
    const saved = result.stdout.trim();
    expect(saved).toMatch(/a-lighthouse-at-dusk_[\w-]+\.png$/);
    const meta = await sharp(saved).metadata();
    expect(meta.format).toBe('png');
    expect(meta.width).toBe(1024);
    // A real picture, not a flat fill: many distinct colours.
    const { channels } = await sharp(saved).stats();
    expect(channels[0]!.stdev).toBeGreaterThan(10);
  });

  it('is reproducible by seed, differs by seed, and --count makes that many', async () => {
    const e = await env();
    const run = async (seed: string, count = '1') =>
      (await runCli(['generate', '--provider', 'sandbox', '--prompt', 'snowy mountain', '--seed', seed, '--count', count, '--aspect', '3:2', '--json'], e)).json<JobJson>();
    const a = await run('42');
    const b = await run('42');
    const c = await run('43', '3');
    expect(await sha256Of(a.images[0]!.path)).toBe(await sha256Of(b.images[0]!.path));
    expect(await sha256Of(a.images[0]!.path)).not.toBe(await sha256Of(c.images[0]!.path));
    expect(c.images).toHaveLength(3);
    expect(new Set(await sha256sOf(c.images)).size).toBe(3);
    expect(a.images[0]!.width / a.images[0]!.height).toBeCloseTo(1.5, 1);
  });

  it('uses a reference image for image-to-image', async () => {
    const e = await env();
    const ref = path.join(e.EASEL_DATA_DIR, 'red.png');
    await sharp({ create: { width: 64, height: 64, channels: 3, background: '#ff0000' } }).png().toFile(ref);
    const plain = (await runCli(['generate', '--provider', 'sandbox', '--prompt', 'abstract', '--seed', '1', '--json'], e)).json<JobJson>();
    const edited = (await runCli(['generate', '--provider', 'sandbox', '--prompt', 'abstract', '--seed', '1', '--ref', ref, '--json'], e)).json<JobJson>();
    const red = async (file: string) => (await sharp(file).stats()).channels[0]!.mean;
    expect(await red(edited.images[0]!.path)).toBeGreaterThan((await red(plain.images[0]!.path)) + 20);
  });

  it('shows up in the library and the catalog', async () => {
    const e = await env();
    await runCli(['generate', '--provider', 'sandbox', '--prompt', 'a red kite over dunes'], e);
    const found = (await runCli(['library', '--search', 'kite', '--json'], e)).json<{ provider: string }[]>();
    expect(found.map((i) => i.provider)).toEqual(['sandbox']);
    const catalog = (await runCli(['providers', '--json'], e)).json<{ id: string; keyEnv: string | null }[]>();
    expect(catalog.find((p) => p.id === 'sandbox')).toMatchObject({ keyEnv: null });
  });
});
