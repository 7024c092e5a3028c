// The unified v2 provider end to end: the real `easel` process against the unified emulator, down
// to the files in the library and the requests on the wire.
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { startUnifiedEmulator } from '../emulators/unified-emulator';
import { expectKeyRejected, expectOneSavedImageAsServed, expectRefusedBeforeAnyRequest, expectSavedAsServed } from './cli-expectations';
import { useCliFixture } from './cli-fixture';
import type { JobJson } from './cli-harness';
import { jobRecordOf, readJsonFile, sha256sOf, sidecarOf } from './cli-saved-files';

const KEY = 'sk_unified_test';
const cli = useCliFixture({ startEmulator: startUnifiedEmulator, options: { jobDurationMs: 250 }, key: { env: 'EASEL_UNIFIED_API_KEY', value: KEY }, baseUrlEnv: 'EASEL_UNIFIED_BASE_URL' });

const generate = (model: string, ...extra: string[]) => cli.run(['generate', '--provider', 'unified', '--model', model, '--json', ...extra]);
type JobOut = JobJson & { vendorJobIds: string[] };
/** The parts of a job record these tests read. */
type JobRecord = { tasks: { createAttempts: number; status: string }[]; diagnosticPath: string };
const jobRecord = (jobId: string) => jobRecordOf<JobRecord>(cli.jobsDir, jobId);

describe('easel generate with unified', () => {
  it('completes a text-to-image job, saves exactly the served bytes, and sent the documented request', async () => {
    const result = await generate('imagen-4', '--prompt', 'a lighthouse at dusk', '--param', 'aspect_ratio=16:9', '--param', 'steps=30', '--param', 'raw=true');
    expect(result.code, result.stderr).toBe(0);
    const job = result.json<JobOut>();
    expect(job).toMatchObject({ provider: 'unified', model: 'imagen-4', state: 'completed', error: null });
    expect(job.vendorJobId).toBe(cli.emu.jobs()[0]!.id);
    const { image } = await expectOneSavedImageAsServed(cli.emu, job);
    expect(image.width).toBeGreaterThan(image.height); // the aspect_ratio option reached the model
    expect(await sharp(image.path).metadata()).toMatchObject({ format: 'png', width: image.width, height: image.height });

    const creates = cli.emu.requests('create');
    expect(creates).toHaveLength(1);
    const create = creates[0]!;
    expect(create.method).toBe('POST');
    expect(create.path).toBe('/v2/images/generate');
    expect(create.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(create.headers['content-type']).toMatch(/^application\/json/);
    expect(create.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(create.json).toEqual({ prompt: 'a lighthouse at dusk', model: 'imagen-4', parameters: { aspect_ratio: '16:9', steps: 30, raw: true } });
    const polls = cli.emu.requests('status');
    expect(polls.length).toBeGreaterThan(0);
    expect(polls.every((p) => p.path === `/v2/jobs/${job.vendorJobId}` && p.headers.authorization === `Bearer ${KEY}`)).toBe(true);
    expect(await sidecarOf(image.path)).toMatchObject({ provider: 'unified', model: 'imagen-4', params: { aspect_ratio: '16:9', steps: 30, raw: true }, sha256: image.sha256 });
  });

  it('--count 3 submits three vendor jobs (no count field), each with its own Idempotency-Key, and saves every image', async () => {
    const result = await generate('flux-1.1-pro', '--prompt', 'three moons', '--count', '3');
    expect(result.code, result.stderr).toBe(0);
    const job = result.json<JobOut>();
    expect(job.vendorJobIds).toHaveLength(3);
    expect(cli.emu.createCount()).toBe(3);
    expect(new Set(cli.emu.requests('create').map((r) => r.headers['idempotency-key'])).size).toBe(3);
    expect(job.images).toHaveLength(3);
    const served = new Set(cli.emu.servedFiles().map((f) => f.sha256));
    expect(served.size).toBe(3);
    for (const saved of await sha256sOf(job.images)) expect(served.has(saved)).toBe(true);
  });

  it('image-to-image sends the reference URLs as imageUrls', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3366cc' } }).png().toBuffer();
    const a = cli.emu.putFile(png, 'image/png');
    const b = cli.emu.putFile(png, 'image/png');
    const result = await generate('flux-2-pro', '--prompt', 'make it a watercolour', '--ref', a.url, '--ref', b.url);
    expect(result.code, result.stderr).toBe(0);
    expect(cli.emu.requests('create')[0]!.json).toEqual({ prompt: 'make it a watercolour', model: 'flux-2-pro', imageUrls: [a.url, b.url] });
    expect(cli.emu.jobs()[0]!.imageUrls).toEqual([a.url, b.url]);
    const job = result.json<JobOut>();
    await expectSavedAsServed(job.images[0]!.path, cli.emu.servedFiles().at(-1));
  });

  it('reads pictures from another result shape and saves every picture of a job', async () => {
    await cli.restart({ resultShape: 'data', imagesPerJob: 2 });
    const result = await generate('midjourney', '--prompt', 'a red kite');
    expect(result.code, result.stderr).toBe(0);
    const job = result.json<JobOut>();
    expect(job.images).toHaveLength(2);
    expect(new Set(await sha256sOf(job.images))).toEqual(new Set(cli.emu.servedFiles().map((f) => f.sha256)));
  });

  it('polls the jobs path EASEL_UNIFIED_JOBS_PATH names', async () => {
    await cli.restart({ jobsPath: '/v2/tasks/:jobId' });
    const result = await cli.run(['generate', '--provider', 'unified', '--model', 'imagen-4', '--prompt', 'x', '--json'], { EASEL_UNIFIED_JOBS_PATH: '/v2/tasks/{jobId}' });
    expect(result.code, result.stderr).toBe(0);
    expect(cli.emu.requests('status')[0]!.path).toBe(`/v2/tasks/${result.json<JobOut>().vendorJobId}`);
  });

  it('lists unified with no base URL and all 40 models', async () => {
    const catalog = (await cli.run(['providers', '--json'], { EASEL_UNIFIED_BASE_URL: null })).json<{ id: string; baseUrl: string | null; keyEnv: string; models: { id: string }[] }[]>();
    expect(catalog.find((p) => p.id === 'unified')).toMatchObject({ baseUrl: null, keyEnv: 'EASEL_UNIFIED_API_KEY' });
    expect(catalog.find((p) => p.id === 'unified')!.models).toHaveLength(40);
  });
});

describe('faults', () => {
  it('a create whose connection drops is retried with the same Idempotency-Key and ends with exactly one job at the vendor', async () => {
    cli.emu.inject('create', { kind: 'drop', afterHandling: true }, 1);
    const result = await generate('imagen-4', '--prompt', 'a lighthouse');
    expect(result.code, result.stderr).toBe(0);
    const creates = cli.emu.requests('create');
    expect(creates).toHaveLength(2);
    expect(creates[0]!.faulted).toBe(true);
    expect(creates[0]!.headers['idempotency-key']).toBeTruthy();
    expect(creates[1]!.headers['idempotency-key']).toBe(creates[0]!.headers['idempotency-key']);
    expect(creates[1]!.json).toEqual(creates[0]!.json);
    expect(cli.emu.createCount()).toBe(1);
    expect(cli.emu.replayCount()).toBe(1);
    const job = result.json<JobOut>();
    expect(job).toMatchObject({ state: 'completed', vendorJobIds: [cli.emu.jobs()[0]!.id] });
    await expectSavedAsServed(job.images[0]!.path, cli.emu.servedFiles()[0]);
    expect((await jobRecord(job.id)).tasks[0]).toMatchObject({ createAttempts: 2, status: 'succeeded' });
  });

  it('a rejected key fails at once with a clear message, one create, and no key in the output', async () => {
    const result = await cli.run(['generate', '--provider', 'unified', '--model', 'imagen-4', '--prompt', 'x', '--json'], { EASEL_UNIFIED_API_KEY: 'sk_unified_wrong' });
    expectKeyRejected(result, { says: /Unified rejected the API key.*EASEL_UNIFIED_API_KEY/, wrongKey: 'sk_unified_wrong', stdoutToo: true });
    expect(cli.emu.requests('create')).toHaveLength(1);
  });

  it('a vendor-side failure ends the job failed with the vendor’s reason', async () => {
    cli.emu.failNextJobs(1, 'Provider returned an error: content policy violation');
    const result = await generate('imagen-4', '--prompt', 'x');
    expect(result.code).toBe(1);
    expect(result.json<JobOut>()).toMatchObject({ state: 'failed', error: { code: 'VENDOR_FAILED' } });
    expect(result.stderr).toMatch(/Unified could not make this picture: Provider returned an error: content policy violation/);
  });

  it('a completed job without a picture URL fails and its answer is saved beside the job', async () => {
    await cli.restart({ resultShape: 'none' });
    const result = await generate('imagen-4', '--prompt', 'x');
    expect(result.code).toBe(1);
    const job = result.json<JobOut>();
    expect(job.error).toMatchObject({ code: 'BAD_RESPONSE', message: expect.stringMatching(/complete, but its answer has no picture URL/) });
    const record = await jobRecord(job.id);
    expect(record.diagnosticPath).toMatch(new RegExp(`${job.id}\\.response\\.json$`));
    expect(path.dirname(record.diagnosticPath)).toBe(cli.jobsDir);
    const saved = await readJsonFile<Record<string, unknown>>(record.diagnosticPath);
    expect(saved).toMatchObject({ jobId: cli.emu.jobs()[0]!.id, status: 'COMPLETED', result: null });
    expect(result.stderr).toContain(record.diagnosticPath);
    // The saved answer is evidence, not a job record: the job list stays clean.
    const jobs = await cli.run(['jobs', '--json']);
    expect(jobs.json<JobOut[]>().map((j) => j.id)).toEqual([job.id]);
    expect(jobs.stderr).not.toMatch(/unreadable/);
  });

  it('a 400 shows the vendor’s validation details', async () => {
    cli.emu.inject('create', { kind: 'status', status: 400, body: { error: 'Validation error', message: 'Invalid parameters', details: [{ field: 'parameters.style', message: 'must be one of raw, vivid' }] } });
    const result = await generate('imagen-4', '--prompt', 'x', '--param', 'style=oil');
    expect(result.code).toBe(1);
    expect(result.json<JobOut>().error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(result.stderr).toMatch(/Unified rejected the request as invalid.*parameters\.style: must be one of raw, vivid/);
    expect(cli.emu.requests('create')).toHaveLength(1);
  });

  it('missing credits (402) fail at once with one create', async () => {
    cli.emu.setCredits(0);
    const result = await generate('imagen-4', '--prompt', 'x');
    expect(result.code).toBe(1);
    expect(result.json<JobOut>().error).toMatchObject({ code: 'INSUFFICIENT_CREDITS' });
    expect(result.stderr).toMatch(/not have enough credits to run this model/);
    expect(cli.emu.requests('create')).toHaveLength(1);
  });

  it('a queue that is down (503) twice, then up, completes with one job', async () => {
    cli.emu.inject('create', { kind: 'status', status: 503, body: { error: 'Service unavailable', message: 'Job queue is temporarily down' } }, 2);
    const result = await generate('imagen-4', '--prompt', 'x');
    expect(result.code, result.stderr).toBe(0);
    expect(cli.emu.requests('create')).toHaveLength(3);
    expect(cli.emu.createCount()).toBe(1);
  });

  it('a queue that stays down pauses the job with the reason, keeping it for `easel resume`', async () => {
    cli.emu.setQueueDown(true);
    const result = await cli.run(['generate', '--provider', 'unified', '--model', 'imagen-4', '--prompt', 'x'], { EASEL_MAX_RETRIES: '1' });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/job queue is temporarily down/);
    expect(cli.emu.createCount()).toBe(0);
    cli.emu.setQueueDown(false);
    const resumed = await cli.run(['resume', '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(cli.emu.createCount()).toBe(1);
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
    await expectRefusedBeforeAnyRequest(cli, await cli.run(['generate', '--provider', 'unified', ...args]), message);
  });

  it('a reference that is a text file', async () => {
    const notes = await cli.writeFile('notes.txt', 'shopping list');
    await expectRefusedBeforeAnyRequest(cli, await generate('flux-2-pro', '--prompt', 'x', '--ref', notes), /notes.txt is not an image/);
  });

  it('a local picture, since the API takes references by URL only', async () => {
    const ref = await cli.writePng('portrait.png', { width: 8, height: 8, background: '#3366cc' });
    const result = await generate('flux-2-pro', '--prompt', 'x', '--ref', ref);
    await expectRefusedBeforeAnyRequest(cli, result, /only accepts reference images by public URL.*portrait\.png cannot be sent/);
  });

  it('no base URL: Unified has no default address', async () => {
    const result = await cli.run(['generate', '--provider', 'unified', '--model', 'imagen-4', '--prompt', 'x'], { EASEL_UNIFIED_BASE_URL: null });
    await expectRefusedBeforeAnyRequest(cli, result, /Unified has no default address, so it needs a base URL first\. Set EASEL_UNIFIED_BASE_URL to a full https:\/\/ address\./);
    expect(result.stderr).not.toMatch(/Settings/);
  });

  it('a missing key', async () => {
    const result = await cli.run(['generate', '--provider', 'unified', '--model', 'imagen-4', '--prompt', 'x'], { EASEL_UNIFIED_API_KEY: null });
    await expectRefusedBeforeAnyRequest(cli, result, /No Unified API key is set\. Set EASEL_UNIFIED_API_KEY/);
  });

  it('a broken EASEL_UNIFIED_JOBS_PATH', async () => {
    const result = await cli.run(['generate', '--provider', 'unified', '--model', 'imagen-4', '--prompt', 'x'], { EASEL_UNIFIED_JOBS_PATH: '/v2/jobs' });
    await expectRefusedBeforeAnyRequest(cli, result, /jobs path "\/v2\/jobs" must contain the placeholder \{jobId\}/);
  });
});
