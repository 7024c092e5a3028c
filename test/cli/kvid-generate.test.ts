// kvid end to end: the real `easel` process against the kvid emulator, down to the files in
// the library, the cost kvid reported, and what went over the wire.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { startKvidEmulator } from '../emulators/kvid-emulator';
import { makePng } from '../emulators/png-factory';
import { expectKeyRejected, expectOneSavedImageAsServed, expectRefusedBeforeAnyRequest, expectSavedAsServed } from './cli-expectations';
import { useCliFixture } from './cli-fixture';
import type { JobJson } from './cli-harness';
import { jobRecordOf, sha256sOf, sidecarOf } from './cli-saved-files';

const KEY = 'kvid_test_key';
const cli = useCliFixture({ startEmulator: startKvidEmulator, options: { jobDurationMs: 250 }, key: { env: 'EASEL_KVID_API_KEY', value: KEY }, baseUrlEnv: 'EASEL_KVID_BASE_URL' });

const generate = (...extra: string[]) => cli.run(['generate', '--provider', 'kvid', '--model', 'nano-banana', '--json', ...extra]);
const costOf = async (jobId: string) => (await jobRecordOf<{ costCredits?: number }>(cli.jobsDir, jobId)).costCredits;

/** A picture the emulator serves, usable as a reference URL (kvid takes references by URL). */
async function referenceUrl(seedText: string): Promise<string> {
  return cli.emu.putFile(await makePng({ width: 32, height: 32, seedText }), 'image/png').url;
}

describe('easel generate with kvid', () => {
  it('completes text-to-image: saves exactly the served bytes, sends the documented request, records used_credit', async () => {
    const result = await generate(
      '--prompt', 'K-pop idol wearing a colorful stage outfit',
      '--negative', 'blurry, low quality',
      '--aspect', '16:9',
      '--seed', '7',
      '--param', 'num_inference_steps=30',
      '--param', 'guidance_scale=7.5',
      '--param', 'enable_safety_checker=false',
    );
    expect(result.code, result.stderr).toBe(0);
    const job = result.json<JobJson>();
    expect(job).toMatchObject({ provider: 'kvid', model: 'nano-banana', state: 'completed', error: null });
    expect(job.vendorJobId).toMatch(/^img_\d+_\w+$/);
    const { image } = await expectOneSavedImageAsServed(cli.emu, job);
    expect(image.path).toMatch(/_k-pop-idol-wearing-a-colorful-stage-outfit_[\w-]+\.jpg$/);
    expect((await sharp(image.path).metadata()).format).toBe('jpeg');
    expect([image.width, image.height]).toEqual([128, 72]); // 16:9 was sent and honoured

    // The create request: documented path, api-key header, JSON fields.
    expect(cli.emu.requests('image-to-image')).toHaveLength(0);
    const create = cli.emu.requests('text-to-image');
    expect(create).toHaveLength(1);
    expect(create[0]!.path).toBe('/ai/generation/text-to-image/generate-async');
    expect(create[0]!.headers['api-key']).toBe(KEY);
    expect(create[0]!.headers.authorization).toBeUndefined();
    expect(create[0]!.headers['content-type']).toMatch(/^application\/json/);
    expect(create[0]!.json).toEqual({
      prompt: 'K-pop idol wearing a colorful stage outfit',
      negative_prompt: 'blurry, low quality',
      aspect_ratio: '16:9',
      num_inference_steps: 30,
      guidance_scale: 7.5,
      seed: 7,
      num_images: 1,
      enable_safety_checker: false,
    });
    // The two-step follow-up: status until completed, then one result call.
    expect(cli.emu.requests('status').every((r) => r.query.jobId === job.vendorJobId && r.headers['api-key'] === KEY)).toBe(true);
    expect(cli.emu.requests('result').map((r) => r.query.jobId)).toEqual([job.vendorJobId]);

    // used_credit is the cost, in the job and in the sidecar.
    const usedCredit = cli.emu.jobs()[0]!.usedCredit;
    expect(usedCredit).toBe(5); // 1024×576 at 8 per 1024², rounded up
    expect(await costOf(job.id)).toBe(usedCredit);
    expect(await sidecarOf(image.path)).toMatchObject({ provider: 'kvid', costCredits: usedCredit, seed: 7, negativePrompt: 'blurry, low quality', vendorJobId: job.vendorJobId });
  });

  it('sends width/height as image_size and saves a PNG when asked', async () => {
    const result = await generate('--prompt', 'glass skin makeup', '--param', 'width=512', '--param', 'height=768', '--param', 'output_format=png');
    expect(result.code, result.stderr).toBe(0);
    expect(cli.emu.requests('text-to-image')[0]!.json).toEqual({ prompt: 'glass skin makeup', image_size: { width: 512, height: 768 }, num_images: 1, output_format: 'png' });
    const image = result.json<JobJson>().images[0]!;
    expect(image.path).toMatch(/\.png$/);
    expect([image.width, image.height]).toEqual([64, 96]);
    await expectSavedAsServed(image.path, cli.emu.servedFiles()[0]);
  });

  it('--count 3 asks once with num_images and saves every picture, splitting the cost', async () => {
    const result = await generate('--prompt', 'streetwear lookbook', '--count', '3');
    expect(result.code, result.stderr).toBe(0);
    const job = result.json<JobJson & { vendorJobIds: string[] }>();
    expect(cli.emu.createCount()).toBe(1);
    expect(job.vendorJobIds).toHaveLength(1);
    expect(cli.emu.requests('text-to-image')[0]!.json).toMatchObject({ num_images: 3 });
    expect(job.images).toHaveLength(3);
    const served = cli.emu.servedFiles().map((f) => f.sha256);
    expect(served).toHaveLength(3);
    expect((await sha256sOf(job.images)).sort()).toEqual([...served].sort());
    expect(new Set(job.images.map((i) => i.path)).size).toBe(3);
    expect(await costOf(job.id)).toBe(24);
    expect((await sidecarOf(job.images[0]!.path)).costCredits).toBe(8);
  });

  it('image-to-image: one reference URL goes as image_url to the image-to-image endpoint', async () => {
    const ref = await referenceUrl('portrait');
    const result = await generate('--prompt', 'turn this into an idol stage photo', '--ref', ref);
    expect(result.code, result.stderr).toBe(0);
    expect(cli.emu.requests('text-to-image')).toHaveLength(0);
    const create = cli.emu.requests('image-to-image');
    expect(create).toHaveLength(1);
    expect(create[0]!.path).toBe('/ai/generation/image-to-image/generate-async');
    expect(create[0]!.headers['api-key']).toBe(KEY);
    expect(create[0]!.json).toEqual({ prompt: 'turn this into an idol stage photo', num_images: 1, image_url: ref });
    expect(cli.emu.jobs()[0]!.imageType).toBe('image-to-image');
    const job = result.json<JobJson>();
    const results = cli.emu.jobs()[0]!.resultUrls!;
    await expectSavedAsServed(job.images[0]!.path, cli.emu.servedFiles().find((f) => f.url === results[0]));
  });

  it('image-to-image: several reference URLs go as image_urls', async () => {
    const refs = [await referenceUrl('a'), await referenceUrl('b')];
    const result = await generate('--prompt', 'blend these outfits', '--ref', refs[0]!, '--ref', refs[1]!);
    expect(result.code, result.stderr).toBe(0);
    expect(cli.emu.requests('image-to-image')[0]!.json).toEqual({ prompt: 'blend these outfits', num_images: 1, image_urls: refs });
  });
});

describe('kvid faults', () => {
  it('a rejected key (401) fails at once with a clear message and one create', async () => {
    const result = await cli.run(['generate', '--provider', 'kvid', '--model', 'nano-banana', '--prompt', 'x', '--json'], { EASEL_KVID_API_KEY: 'kvid_wrong_key' });
    // A terminal names the variable to check, never the desktop app's Settings.
    expectKeyRejected(result, { says: /kvid rejected the API key \(401\)\. Check EASEL_KVID_API_KEY\./, wrongKey: 'kvid_wrong_key', stdoutToo: true });
    expect(result.stderr).not.toMatch(/Settings/);
    // The record (and the JSON a script reads) keeps the plain fact, for any host to advise on.
    const job = result.json<JobJson>();
    expect(job.error?.message).toBe('kvid rejected the API key (401).');
    expect(cli.emu.createRequests()).toHaveLength(1);
    expect(cli.emu.createCount()).toBe(0);

    // `easel jobs` shows the same advice beside the failed job.
    const listed = await cli.run(['jobs']);
    expect(listed.stdout).toMatch(new RegExp(`${job.id.slice(0, 8)}\\s+failed .*kvid rejected the API key \\(401\\)\\. Check EASEL_KVID_API_KEY\\.`));
    expect(listed.stdout).not.toMatch(/Settings/);
  });

  it('a vendor-side failure ends the job failed with kvid’s reason', async () => {
    cli.emu.failNextJobs(1, 'Generation crashed on the GPU');
    const result = await generate('--prompt', 'x');
    expect(result.code).toBe(1);
    const job = result.json<JobJson>();
    expect(job).toMatchObject({ state: 'failed', error: { code: 'VENDOR_FAILED' } });
    expect(job.error?.message).toMatch(/kvid could not make this picture: Generation crashed on the GPU/);
    expect(result.stderr).toMatch(/Generation crashed on the GPU/);
    expect(cli.emu.requests('result')).toHaveLength(0);
    expect(job.images).toEqual([]);
  });

  it('INSUFFICIENT_CREDITS (402) and SAFETY_CHECK_FAILED (422) fail at once with what to do', async () => {
    cli.emu.setCredits(0);
    const broke = await generate('--prompt', 'x');
    expect(broke.code).toBe(1);
    expect(broke.json<JobJson>().error).toMatchObject({ code: 'INSUFFICIENT_CREDITS' });
    expect(broke.stderr).toMatch(/kvid account is out of credits.*Top up/);
    cli.emu.setCredits(100);
    const unsafe = await generate('--prompt', 'forbidden-content please');
    expect(unsafe.code).toBe(1);
    expect(unsafe.json<JobJson>().error).toMatchObject({ code: 'CONTENT_REJECTED' });
    expect(unsafe.stderr).toMatch(/safety filter rejected this prompt.*Rephrase/);
    expect(cli.emu.createRequests()).toHaveLength(2);
  });

  it('success:false under HTTP 200 on create is kvid’s answer: a refusal fails at once, RATE_LIMITED is retried', async () => {
    cli.emu.inject('text-to-image', { kind: 'status', status: 200, body: { success: false, error: { code: 'INSUFFICIENT_CREDITS', message: 'Out of credits' } } });
    const refused = await generate('--prompt', 'x');
    expect(refused.code).toBe(1);
    expect(refused.json<JobJson>()).toMatchObject({ state: 'failed', vendorJobId: null, error: { code: 'INSUFFICIENT_CREDITS' } });
    expect(refused.stderr).toMatch(/out of credits/);
    expect(cli.emu.createRequests()).toHaveLength(1);

    cli.emu.inject('text-to-image', { kind: 'status', status: 200, body: { success: false, error: { code: 'RATE_LIMITED', message: 'Too many requests' } } });
    const retried = await generate('--prompt', 'x');
    expect(retried.code, retried.stderr).toBe(0);
    expect(cli.emu.createRequests()).toHaveLength(3);
    expect(cli.emu.createCount()).toBe(1);
  });

  it('RATE_LIMITED on status and success:false SERVER_ERROR under 200 on the result are retried', async () => {
    cli.emu.inject('status', { kind: 'status', status: 429, headers: { 'retry-after': '1' }, body: { success: false, error: { code: 'RATE_LIMITED', message: 'Too many requests' } } });
    cli.emu.inject('result', { kind: 'status', status: 200, body: { success: false, error: { code: 'SERVER_ERROR', message: 'try again' } } });
    const result = await generate('--prompt', 'x');
    expect(result.code, result.stderr).toBe(0);
    const polls = cli.emu.requests('status');
    const limited = polls.findIndex((r) => r.faulted);
    expect(polls[limited + 1]!.at - polls[limited]!.at).toBeGreaterThanOrEqual(1000);
    expect(cli.emu.requests('result')).toHaveLength(2);
    expect(cli.emu.createCount()).toBe(1);
    await expectSavedAsServed(result.json<JobJson>().images[0]!.path, cli.emu.servedFiles()[0]);
  });
});

describe('bad input is refused before any request', () => {
  it.each([
    ['an aspect ratio kvid does not list', ['--prompt', 'x', '--aspect', '4:3'], /does not accept the aspect ratio "4:3"\. Choose 1:1, 16:9 or 9:16/],
    ['any resolution (kvid has no choices)', ['--prompt', 'x', '--resolution', '1k'], /does not take a resolution/],
    ['an aspect ratio and a size together', ['--prompt', 'x', '--aspect', '1:1', '--param', 'width=512', '--param', 'height=512'], /either an aspect ratio or a width and height, not both/],
    ['a width without a height', ['--prompt', 'x', '--param', 'width=512'], /needs both width and height/],
    ['a size off the 64 grid', ['--prompt', 'x', '--param', 'width=500', '--param', 'height=512'], /steps of 64 from 256/],
    ['an undocumented step count', ['--prompt', 'x', '--param', 'num_inference_steps=25'], /Steps .* must be 20, 30, 40 or 50/],
    ['too many images', ['--prompt', 'x', '--count', '5'], /cannot make 5 images at once/],
    ['a prompt over the limit', ['--prompt', 'k'.repeat(10_001)], /10001 characters.*at most 10000/],
    [
      'too many references',
      ['--prompt', 'x', ...[1, 2, 3, 4, 5].flatMap((i) => ['--ref', `https://img.example/${i}.png`])],
      /takes at most 4 reference images; you gave 5/,
    ],
  ])('%s', async (_name, args, message) => {
    await expectRefusedBeforeAnyRequest(cli, await cli.run(['generate', '--provider', 'kvid', '--model', 'nano-banana', ...args]), message);
  });

  it('a reference that is a text file', async () => {
    const notes = await cli.writeFile('notes.txt', 'shopping list');
    await expectRefusedBeforeAnyRequest(cli, await generate('--prompt', 'x', '--ref', notes), /notes.txt is not an image/);
  });

  it('a local picture (kvid takes references by URL only)', async () => {
    const local = await cli.writeFile('portrait.png', await makePng({ width: 16, height: 16, seedText: 'local' }));
    const result = await generate('--prompt', 'x', '--ref', local);
    await expectRefusedBeforeAnyRequest(cli, result, /only accepts reference images by public URL.*portrait\.png cannot be sent.*Models that take uploaded files:/);
  });

  it('a missing key', async () => {
    const result = await cli.run(['generate', '--provider', 'kvid', '--prompt', 'x'], { EASEL_KVID_API_KEY: null });
    await expectRefusedBeforeAnyRequest(cli, result, /No kvid API key is set\. Set EASEL_KVID_API_KEY in the environment\./);
    expect(result.stderr).not.toMatch(/Settings/);
  });
});
