// The unified v2 provider end to end: the real `easel` process against the unified emulator, down
// to the files in the library and the requests on the wire.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startUnifiedEmulator, type UnifiedEmulator, type UnifiedEmulatorOptions } from '../emulators/unified-emulator';
import { makeDataDir, runCli, type JobJson } from './cli-harness';

const KEY = 'sk_unified_test';
let emu: UnifiedEmulator;
let dataDir: string;
let env: Record<string, string>;

async function restart(options: UnifiedEmulatorOptions): Promise<void> {
  await emu.close();
  emu = await startUnifiedEmulator({ jobDurationMs: 250, ...options });
  env.EASEL_UNIFIED_BASE_URL = emu.url;
}

beforeEach(async () => {
  emu = await startUnifiedEmulator({ jobDurationMs: 250 });
  dataDir = await makeDataDir();
  env = { EASEL_DATA_DIR: dataDir, EASEL_UNIFIED_API_KEY: KEY, EASEL_UNIFIED_BASE_URL: emu.url };
});
afterEach(async () => {
  await emu.close();
});

const sha256 = async (file: string) => createHash('sha256').update(await fs.readFile(file)).digest('hex');
const generate = (model: string, ...extra: string[]) => runCli(['generate', '--provider', 'unified', '--model', model, '--json', ...extra], env);
type JobOut = JobJson & { vendorJobIds: string[] };

describe('easel generate with unified', () => {
  it('completes a text-to-image job, saves exactly the served bytes, and sent the documented request', async () => {
    const result = await generate('imagen-4', '--prompt', 'a lighthouse at dusk', '--param', 'aspect_ratio=16:9', '--param', 'steps=30', '--param', 'raw=true');
    expect(result.code, result.stderr).toBe(0);
    const job = result.json<JobOut>();
    expect(job).toMatchObject({ provider: 'unified', model: 'imagen-4', state: 'completed', error: null });
    expect(job.vendorJobId).toBe(emu.jobs()[0]!.id);
    expect(job.images).toHaveLength(1);
    const image = job.images[0]!;
    const served = emu.servedFiles();
    expect(served).toHaveLength(1);
    expect(await sha256(image.path)).toBe(served[0]!.sha256);
    expect(image.sha256).toBe(served[0]!.sha256);
    expect(image.width).toBeGreaterThan(image.height); // the aspect_ratio option reached the model
    expect(await sharp(image.path).metadata()).toMatchObject({ format: 'png', width: image.width, height: image.height });

    const creates = emu.requests('create');
    expect(creates).toHaveLength(1);
    const create = creates[0]!;
    expect(create.method).toBe('POST');
    expect(create.path).toBe('/v2/images/generate');
    expect(create.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(create.headers['content-type']).toMatch(/^application\/json/);
    expect(create.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(create.json).toEqual({ prompt: 'a lighthouse at dusk', model: 'imagen-4', parameters: { aspect_ratio: '16:9', steps: 30, raw: true } });
    const polls = emu.requests('status');
    expect(polls.length).toBeGreaterThan(0);
    expect(polls.every((p) => p.path === `/v2/jobs/${job.vendorJobId}` && p.headers.authorization === `Bearer ${KEY}`)).toBe(true);
    const sidecar = JSON.parse(await fs.readFile(image.path.replace(/\.png$/, '.json'), 'utf8'));
    expect(sidecar).toMatchObject({ provider: 'unified', model: 'imagen-4', params: { aspect_ratio: '16:9', steps: 30, raw: true }, sha256: image.sha256 });
  });

  it('--count 3 submits three vendor jobs (no count field), each with its own Idempotency-Key, and saves every image', async () => {
    const result = await generate('flux-1.1-pro', '--prompt', 'three moons', '--count', '3');
    expect(result.code, result.stderr).toBe(0);
    const job = result.json<JobOut>();
    expect(job.vendorJobIds).toHaveLength(3);
    expect(emu.createCount()).toBe(3);
    expect(new Set(emu.requests('create').map((r) => r.headers['idempotency-key'])).size).toBe(3);
    expect(job.images).toHaveLength(3);
    const served = new Set(emu.servedFiles().map((f) => f.sha256));
    expect(served.size).toBe(3);
    for (const image of job.images) expect(served.has(await sha256(image.path))).toBe(true);
  });

  it('image-to-image sends the reference URLs as imageUrls', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3366cc' } }).png().toBuffer();
    const a = emu.putFile(png, 'image/png');
    const b = emu.putFile(png, 'image/png');
    const result = await generate('flux-2-pro', '--prompt', 'make it a watercolour', '--ref', a.url, '--ref', b.url);
    expect(result.code, result.stderr).toBe(0);
    expect(emu.requests('create')[0]!.json).toEqual({ prompt: 'make it a watercolour', model: 'flux-2-pro', imageUrls: [a.url, b.url] });
    expect(emu.jobs()[0]!.imageUrls).toEqual([a.url, b.url]);
    const job = result.json<JobOut>();
    expect(await sha256(job.images[0]!.path)).toBe(emu.servedFiles().at(-1)!.sha256);
  });

  it('reads pictures from another result shape and saves every picture of a job', async () => {
    await restart({ resultShape: 'data', imagesPerJob: 2 });
    const result = await generate('midjourney', '--prompt', 'a red kite');
    expect(result.code, result.stderr).toBe(0);
    const job = result.json<JobOut>();
    expect(job.images).toHaveLength(2);
    expect(new Set(await Promise.all(job.images.map((i) => sha256(i.path))))).toEqual(new Set(emu.servedFiles().map((f) => f.sha256)));
  });

  it('polls the jobs path EASEL_UNIFIED_JOBS_PATH names', async () => {
    await restart({ jobsPath: '/v2/tasks/:jobId' });
    const result = await runCli(['generate', '--provider', 'unified', '--model', 'imagen-4', '--prompt', 'x', '--json'], { ...env, EASEL_UNIFIED_JOBS_PATH: '/v2/tasks/{jobId}' });
    expect(result.code, result.stderr).toBe(0);
    expect(emu.requests('status')[0]!.path).toBe(`/v2/tasks/${result.json<JobOut>().vendorJobId}`);
  });

  it('lists unified with no base URL and all 40 models', async () => {
    const { EASEL_UNIFIED_BASE_URL: _removed, ...withoutUrl } = env;
    const catalog = (await runCli(['providers', '--json'], withoutUrl)).json<{ id: string; baseUrl: string | null; keyEnv: string; models: { id: string }[] }[]>();
    expect(catalog.find((p) => p.id === 'unified')).toMatchObject({ baseUrl: null, keyEnv: 'EASEL_UNIFIED_API_KEY' });
    expect(catalog.find((p) => p.id === 'unified')!.models).toHaveLength(40);
  });
});

describe('faults', () => {
  it('a create whose connection drops is retried with the same Idempotency-Key and ends with exactly one job at the vendor', async () => {
    emu.inject('create', { kind: 'drop', afterHandling: true }, 1);
    const result = await generate('imagen-4', '--prompt', 'a lighthouse');
    expect(result.code, result.stderr).toBe(0);
    const creates = emu.requests('create');
    expect(creates).toHaveLength(2);
    expect(creates[0]!.faulted).toBe(true);
    expect(creates[0]!.headers['idempotency-key']).toBeTruthy();
    expect(creates[1]!.headers['idempotency-key']).toBe(creates[0]!.headers['idempotency-key']);
    expect(creates[1]!.json).toEqual(creates[0]!.json);
    expect(emu.createCount()).toBe(1);
    expect(emu.replayCount()).toBe(1);
    const job = result.json<JobOut>();
    expect(job).toMatchObject({ state: 'completed', vendorJobIds: [emu.jobs()[0]!.id] });
    expect(await sha256(job.images[0]!.path)).toBe(emu.servedFiles()[0]!.sha256);
    const record = JSON.parse(await fs.readFile(path.join(dataDir, 'jobs', `${job.id}.json`), 'utf8'));
    expect(record.tasks[0]).toMatchObject({ createAttempts: 2, status: 'succeeded' });
  });

  it('a rejected key fails at once with a clear message, one create, and no key in the output', async () => {
    const result = await runCli(['generate', '--provider', 'unified', '--model', 'imagen-4', '--prompt', 'x', '--json'], { ...env, EASEL_UNIFIED_API_KEY: 'sk_unified_wrong' });
    expect(result.code).toBe(1);
    expect(result.json<JobOut>()).toMatchObject({ state: 'failed', error: { code: 'AUTH_FAILED' } });
    expect(result.stderr).toMatch(/Unified rejected the API key.*EASEL_UNIFIED_API_KEY/);
    expect(result.stderr + result.stdout).not.toContain('sk_unified_wrong');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(emu.requests('create')).toHaveLength(1);
  });

  it('a vendor-side failure ends the job failed with the vendor’s reason', async () => {
    emu.failNextJobs(1, 'Provider returned an error: content policy violation');
    const result = await generate('imagen-4', '--prompt', 'x');
    expect(result.code).toBe(1);
    expect(result.json<JobOut>()).toMatchObject({ state: 'failed', error: { code: 'VENDOR_FAILED' } });
    expect(result.stderr).toMatch(/Unified could not make this picture: Provider returned an error: content policy violation/);
  });

  it('a completed job without a picture URL fails and its answer is saved beside the job', async () => {
    await restart({ resultShape: 'none' });
    const result = await generate('imagen-4', '--prompt', 'x');
    expect(result.code).toBe(1);
    const job = result.json<JobOut>();
    expect(job.error).toMatchObject({ code: 'BAD_RESPONSE', message: expect.stringMatching(/complete, but its answer has no picture URL/) });
    const record = JSON.parse(await fs.readFile(path.join(dataDir, 'jobs', `${job.id}.json`), 'utf8'));
    expect(record.diagnosticPath).toMatch(new RegExp(`${job.id}\\.response\\.json$`));
    expect(path.dirname(record.diagnosticPath)).toBe(path.join(dataDir, 'jobs'));
    const saved = JSON.parse(await fs.readFile(record.diagnosticPath, 'utf8'));
    expect(saved).toMatchObject({ jobId: emu.jobs()[0]!.id, status: 'COMPLETED', result: null });
    expect(result.stderr).toContain(record.diagnosticPath);
    // The saved answer is evidence, not a job record: the job list stays clean.
    const jobs = await runCli(['jobs', '--json'], env);
    expect(jobs.json<JobOut[]>().map((j) => j.id)).toEqual([job.id]);
    expect(jobs.stderr).not.toMatch(/unreadable/);
  });

  it('a 400 shows the vendor’s validation details', async () => {
    emu.inject('create', { kind: 'status', status: 400, body: { error: 'Validation error', message: 'Invalid parameters', details: [{ field: 'parameters.style', message: 'must be one of raw, vivid' }] } });
    const result = await generate('imagen-4', '--prompt', 'x', '--param', 'style=oil');
    expect(result.code).toBe(1);
    expect(result.json<JobOut>().error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(result.stderr).toMatch(/Unified rejected the request as invalid.*parameters\.style: must be one of raw, vivid/);
    expect(emu.requests('create')).toHaveLength(1);
  });

  it('missing credits (402) fail at once with one create', async () => {
    emu.setCredits(0);
    const result = await generate('imagen-4', '--prompt', 'x');
    expect(result.code).toBe(1);
    expect(result.json<JobOut>().error).toMatchObject({ code: 'INSUFFICIENT_CREDITS' });
    expect(result.stderr).toMatch(/not have enough credits to run this model/);
    expect(emu.requests('create')).toHaveLength(1);
  });

  it('a queue that is down (503) twice, then up, completes with one job', async () => {
    emu.inject('create', { kind: 'status', status: 503, body: { error: 'Service unavailable', message: 'Job queue is temporarily down' } }, 2);
    const result = await generate('imagen-4', '--prompt', 'x');
    expect(result.code, result.stderr).toBe(0);
    expect(emu.requests('create')).toHaveLength(3);
    expect(emu.createCount()).toBe(1);
  });

  it('a queue that stays down pauses the job with the reason, keeping it for `easel resume`', async () => {
    emu.setQueueDown(true);
    const result = await runCli(['generate', '--provider', 'unified', '--model', 'imagen-4', '--prompt', 'x'], { ...env, EASEL_MAX_RETRIES: '1' });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/job queue is temporarily down/);
    expect(emu.createCount()).toBe(0);
    emu.setQueueDown(false);
    const resumed = await runCli(['resume', '--json'], env);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(emu.createCount()).toBe(1);
  });
});

describe('bad input is refused before any request', () => {
  it.each([
    ['an aspect ratio (the document has no common aspect field)', ['--model', 'imagen-4', '--prompt', 'x', '--aspect', '16:9'], /does not take an? aspect ratio/],
    ['a resolution', ['--model', 'nano-banana-pro', '--prompt', 'x', '--resolution', '4k'], /does not take an? resolution/],
    ['a prompt over 2000 characters', ['--model', 'imagen-4', '--prompt', 'x'.repeat(2001)], /2001 characters.*at most 2000/],
    ['a negative prompt', ['--model', 'imagen-4', '--prompt', 'x', '--negative', 'blur'], /negative prompt/],
    ['a reference for a text-to-image model', ['--model', 'imagen-4', '--prompt', 'x', '--ref', 'https://img.example/a.png'], /does not take reference images/],
    ['too many references', ['--model', 'ideogram-character', '--prompt', 'x', '--ref', 'https://img.example/a.png', '--ref', 'https://img.example/b.png'], /at most 1 reference image/],
    ['a count the model does not offer', ['--model', 'imagen-4', '--prompt', 'x', '--count', '5'], /cannot make 5 images/],
    ['an unknown model', ['--model', 'dall-e-9', '--prompt', 'x'], /no model "dall-e-9"/],
  ])('%s', async (_name, args, message) => {
    const result = await runCli(['generate', '--provider', 'unified', ...args], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(emu.log).toHaveLength(0);
  });

  it('a reference that is a text file', async () => {
    const notes = path.join(dataDir, 'notes.txt');
    await fs.writeFile(notes, 'shopping list');
    const result = await generate('flux-2-pro', '--prompt', 'x', '--ref', notes);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/notes.txt is not an image/);
    expect(emu.log).toHaveLength(0);
  });

  it('a local picture, since the API takes references by URL only', async () => {
    const ref = path.join(dataDir, 'portrait.png');
    await sharp({ create: { width: 8, height: 8, channels: 3, background: '#3366cc' } }).png().toFile(ref);
    const result = await generate('flux-2-pro', '--prompt', 'x', '--ref', ref);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/only accepts reference images by public URL.*portrait\.png cannot be sent/);
    expect(emu.log).toHaveLength(0);
  });

  it('no base URL: Unified has no default address', async () => {
    const { EASEL_UNIFIED_BASE_URL: _removed, ...withoutUrl } = env;
    const result = await runCli(['generate', '--provider', 'unified', '--model', 'imagen-4', '--prompt', 'x'], withoutUrl);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unified has no default address, so it needs a base URL first\. Set EASEL_UNIFIED_BASE_URL to a full https:\/\/ address\./);
    expect(result.stderr).not.toMatch(/Settings/);
    expect(emu.log).toHaveLength(0);
    expect(await fs.readdir(path.join(dataDir, 'jobs')).catch(() => [])).toEqual([]);
  });

  it('a missing key', async () => {
    const { EASEL_UNIFIED_API_KEY: _removed, ...withoutKey } = env;
    const result = await runCli(['generate', '--provider', 'unified', '--model', 'imagen-4', '--prompt', 'x'], withoutKey);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/No Unified API key is set\. Set EASEL_UNIFIED_API_KEY/);
    expect(emu.log).toHaveLength(0);
  });

  it('a broken EASEL_UNIFIED_JOBS_PATH', async () => {
    const result = await runCli(['generate', '--provider', 'unified', '--model', 'imagen-4', '--prompt', 'x'], { ...env, EASEL_UNIFIED_JOBS_PATH: '/v2/jobs' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/jobs path "\/v2\/jobs" must contain the placeholder \{jobId\}/);
    expect(emu.log).toHaveLength(0);
  });
});
