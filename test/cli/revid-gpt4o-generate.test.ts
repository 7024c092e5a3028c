// The real `easel` process against the revid 4o Image emulator, down to the files in the library.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { makePng } from '../emulators/png-factory';
import { startRevidGpt4oEmulator } from '../emulators/revid-gpt4o-emulator';
import { expectKeyRejected, expectOneSavedImageAsServed, expectRefusedBeforeAnyRequest } from './cli-expectations';
import { useCliFixture } from './cli-fixture';
import type { JobJson } from './cli-harness';
import { sha256Of, sha256sOf, sidecarOf } from './cli-saved-files';

const KEY = 'sk_live_test';
const cli = useCliFixture({ startEmulator: startRevidGpt4oEmulator, options: { jobDurationMs: 250 }, key: { env: 'EASEL_REVID_API_KEY', value: KEY }, baseUrlEnv: 'EASEL_REVID_GPT4O_BASE_URL' });

const generate = (...extra: string[]) => cli.run(['generate', '--provider', 'revid-gpt4o', '--model', 'gpt4o-image', '--json', ...extra]);
const referencePng = async (seed: string) => cli.emu.putFile(await makePng({ width: 32, height: 24, seedText: seed }), 'image/png');

describe('easel generate with revid-gpt4o', () => {
  it('completes a text-to-image job, saves exactly the served bytes, and sends the documented request', async () => {
    const result = await generate('--prompt', 'a lighthouse at dusk', '--aspect', '3:2', '--param', 'isEnhance=true');
    expect(result.code, result.stderr).toBe(0);
    const job = result.json<JobJson>();
    expect(job).toMatchObject({ provider: 'revid-gpt4o', model: 'gpt4o-image', state: 'completed', error: null });
    expect(job.vendorJobId).toBe(cli.emu.jobs()[0]!.id);
    const { image } = await expectOneSavedImageAsServed(cli.emu, job);
    expect([image.width, image.height]).toEqual([192, 128]); // 3:2 was sent as `size` and honoured
    expect((await sharp(image.path).metadata()).format).toBe('png');

    const [create] = cli.emu.requests('create');
    expect(create).toMatchObject({ method: 'POST', path: '/paid/gpt4o-image/generate' });
    expect(create!.headers['x-api-key']).toBe(KEY);
    expect(create!.headers.authorization).toBeUndefined();
    expect(create!.json).toEqual({ size: '3:2', prompt: 'a lighthouse at dusk', nVariants: 1, isEnhance: true });
    const polls = cli.emu.requests('info');
    expect(polls.length).toBeGreaterThan(0);
    for (const poll of polls) {
      expect(poll).toMatchObject({ method: 'POST', path: '/paid/gpt4o-image/info', query: { taskId: job.vendorJobId } });
      expect(poll.headers['x-api-key']).toBe(KEY);
    }
    expect(await sidecarOf(image.path)).toMatchObject({ provider: 'revid-gpt4o', vendorJobId: job.vendorJobId, sha256: image.sha256 });
  });

  it('without --aspect sends size 1:1, which the API requires', async () => {
    const result = await generate('--prompt', 'a square');
    expect(result.code, result.stderr).toBe(0);
    expect(cli.emu.requests('create')[0]!.json).toEqual({ size: '1:1', prompt: 'a square', nVariants: 1 });
  });

  it('--count 4 is one task with nVariants 4, and every image is saved', async () => {
    const result = await generate('--prompt', 'four moons', '--count', '4');
    expect(result.code, result.stderr).toBe(0);
    const job = result.json<JobJson & { vendorJobIds: string[] }>();
    expect(cli.emu.createCount()).toBe(1);
    expect(job.vendorJobIds).toHaveLength(1);
    expect(cli.emu.requests('create')[0]!.json).toMatchObject({ nVariants: 4 });
    expect(cli.emu.creditsSpent()).toBe(40);
    expect(job.images).toHaveLength(4);
    const served = new Set(cli.emu.servedFiles().map((f) => f.sha256));
    expect(served.size).toBe(4);
    expect(new Set(await sha256sOf(job.images))).toEqual(served);
  });

  it('image-to-image sends the reference URLs in filesUrl, and a mask with one reference', async () => {
    const [a, b] = [await referencePng('a'), await referencePng('b')];
    const two = await generate('--prompt', 'blend them', '--ref', a.url, '--ref', b.url);
    expect(two.code, two.stderr).toBe(0);
    expect(cli.emu.requests('create')[0]!.json).toEqual({ size: '1:1', prompt: 'blend them', nVariants: 1, filesUrl: [a.url, b.url] });
    const mask = await referencePng('mask');
    const masked = await generate('--prompt', 'change the sky', '--ref', a.url, '--param', `maskUrl=${mask.url}`);
    expect(masked.code, masked.stderr).toBe(0);
    expect(cli.emu.requests('create')[1]!.json).toEqual({ size: '1:1', prompt: 'change the sky', nVariants: 1, filesUrl: [a.url], maskUrl: mask.url });
    expect(cli.emu.jobs()[1]).toMatchObject({ maskIgnored: false });
    const job = masked.json<JobJson>();
    expect(cli.emu.servedFiles().map((f) => f.sha256)).toContain(await sha256Of(job.images[0]!.path));
  });
});

describe('faults', () => {
  it('a rejected key fails at once with a clear message and exactly one create', async () => {
    const result = await generate('--prompt', 'x');
    expect(result.code, result.stderr).toBe(0);
    const rejected = await cli.run(['generate', '--provider', 'revid-gpt4o', '--prompt', 'x', '--json'], { EASEL_REVID_API_KEY: 'sk_live_wrong' });
    expectKeyRejected(rejected, { says: /revid GPT-4o rejected the API key \(401\)\. Check EASEL_REVID_API_KEY \(one key serves every revid API\)\./, wrongKey: 'sk_live_wrong' });
    expect(cli.emu.requests('create')).toHaveLength(2);
  });

  it('a rejected key sent as HTTP 200 with body code 401 fails as AUTH_FAILED, with one create', async () => {
    await cli.restart({ errorTransport: 'body' });
    const rejected = await cli.run(['generate', '--provider', 'revid-gpt4o', '--prompt', 'x', '--json'], { EASEL_REVID_API_KEY: 'sk_live_wrong' });
    expect(rejected.code).toBe(1);
    expect(rejected.json<JobJson>()).toMatchObject({ state: 'failed', error: { code: 'AUTH_FAILED' } });
    expect(cli.emu.requests('create')).toHaveLength(1);
  });

  it('a vendor-side failure ends the job failed with the vendor reason', async () => {
    cli.emu.failNextJobs(1, 'Image generation failed: upstream model error', { errorCode: 500 });
    const result = await generate('--prompt', 'x');
    expect(result.code).toBe(1);
    const job = result.json<JobJson>();
    expect(job).toMatchObject({ state: 'failed', error: { code: 'VENDOR_FAILED' } });
    expect(job.error?.message).toMatch(/revid GPT-4o could not make this picture: Image generation failed: upstream model error \(error code 500\)/);
    expect(result.stderr).toMatch(/upstream model error/);
  });

  it('a reference the vendor cannot fetch (451) says which access limits to check', async () => {
    await cli.restart({ unreachableHosts: ['intranet.example'] });
    const result = await generate('--prompt', 'x', '--ref', 'https://intranet.example/photo.png');
    expect(result.code).toBe(1);
    expect(result.json<JobJson>().error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(result.stderr).toMatch(/could not fetch a reference image.*publicly reachable/);
    expect(cli.emu.createCount()).toBe(0);
  });

  it('a body code 500 under HTTP 200 while polling is retried, then completes', async () => {
    cli.emu.inject('info', { kind: 'status', status: 200, body: { code: 500, msg: 'Timeout Internal Error, Please try again later.', data: null } }, 2);
    const result = await generate('--prompt', 'x');
    expect(result.code, result.stderr).toBe(0);
    expect(cli.emu.requests('info').filter((r) => r.faulted)).toHaveLength(2);
  });

  it('maintenance (455) on create is retried, and the job completes with one task', async () => {
    cli.emu.inject('create', { kind: 'status', status: 455, body: { code: 455, msg: 'Service Unavailable', data: null } }, 1);
    const result = await generate('--prompt', 'x');
    expect(result.code, result.stderr).toBe(0);
    expect(cli.emu.requests('create')).toHaveLength(2);
    expect(cli.emu.createCount()).toBe(1);
  });

  it('a task the vendor no longer has (422 record is null) ends failed and says so', async () => {
    cli.emu.inject('info', { kind: 'status', status: 200, body: { code: 422, msg: 'record is null', data: null } }, 1);
    const result = await generate('--prompt', 'x');
    expect(result.code).toBe(1);
    expect(result.json<JobJson>().error).toMatchObject({ code: 'RESULT_EXPIRED' });
    expect(result.stderr).toMatch(/no longer has this task.*14 days/);
  });
});

describe('bad input is refused before any request', () => {
  const urls = (n: number) => Array.from({ length: n }, (_, i) => ['--ref', `https://img.example/${i}.png`]).flat();
  it.each([
    ['an aspect ratio the API does not take', ['--aspect', '16:9'], /aspect ratio "16:9"/],
    ['a resolution (the API has none)', ['--resolution', '2k'], /does not take a resolution/],
    ['a count that is not 1, 2 or 4', ['--count', '3'], /cannot make 3 images at once; it accepts 1, 2 or 4/],
    ['more than 5 references', urls(6), /at most 5 reference images; you gave 6/],
    ['a mask beside several references', [...urls(2), '--param', 'maskUrl=https://img.example/m.png'], /ignores the mask when more than one reference image is given/],
    ['a backup model without fallback', ['--param', 'fallbackModel=FLUX_MAX'], /enableFallback/],
    ['an unknown backup model', ['--param', 'enableFallback=true', '--param', 'fallbackModel=DALL_E'], /GPT_IMAGE_1 or FLUX_MAX/],
    ['a negative prompt', ['--negative', 'blur'], /does not take a negative prompt/],
  ])('%s', async (_name, args, message) => {
    await expectRefusedBeforeAnyRequest(cli, await cli.run(['generate', '--provider', 'revid-gpt4o', '--prompt', 'x', ...args]), message, { oneLine: true });
  });

  it('a prompt over the limit', async () => {
    await expectRefusedBeforeAnyRequest(cli, await cli.run(['generate', '--provider', 'revid-gpt4o', '--prompt', 'a'.repeat(32_001)]), /32001 characters.*at most 32000/);
  });

  it('a --ref that is not an image, and a local image (the API takes URLs only)', async () => {
    const notes = await cli.writeFile('notes.txt', 'shopping list');
    await expectRefusedBeforeAnyRequest(cli, await generate('--prompt', 'x', '--ref', notes), /notes.txt is not an image/);
    const photo = await cli.writePng('photo.png', { width: 20, height: 20, background: '#336699' });
    await expectRefusedBeforeAnyRequest(cli, await generate('--prompt', 'x', '--ref', photo), /only accepts reference images by public URL.*photo\.png/);
  });

  it('a missing key names the shared revid variable', async () => {
    const result = await cli.run(['generate', '--provider', 'revid-gpt4o', '--prompt', 'x'], { EASEL_REVID_API_KEY: null });
    await expectRefusedBeforeAnyRequest(cli, result, /No revid GPT-4o API key.*EASEL_REVID_API_KEY/);
  });
});
