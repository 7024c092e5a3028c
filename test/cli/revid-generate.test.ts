// The foundation, end to end: the real `easel` process against the revid v1 emulator, down to
// the files in the library.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRevidV1Emulator, type RevidV1Emulator } from '../emulators/revid-v1-emulator';
import { makeDataDir, runCli, startCli, type JobJson } from './cli-harness';

let emu: RevidV1Emulator;
let dataDir: string;
let env: Record<string, string>;

beforeEach(async () => {
  emu = await startRevidV1Emulator({ jobDurationMs: 250 });
  dataDir = await makeDataDir();
  env = { EASEL_DATA_DIR: dataDir, EASEL_REVID_API_KEY: 'sk_live_test', EASEL_REVID_BASE_URL: emu.url };
});
afterEach(async () => {
  await emu.close();
});

const sha256 = async (file: string) => createHash('sha256').update(await fs.readFile(file)).digest('hex');
const generate = (...extra: string[]) => runCli(['generate', '--provider', 'revid', '--model', 'nano-banana', '--json', ...extra], env);

describe('easel generate with revid', () => {
  it('completes a text-to-image job and saves exactly the bytes the vendor served', async () => {
    const result = await generate('--prompt', 'a lighthouse at dusk', '--aspect', '16:9', '--resolution', '2k');
    expect(result.code, result.stderr).toBe(0);
    const job = result.json<JobJson>();
    expect(job).toMatchObject({ provider: 'revid', model: 'nano-banana', state: 'completed', error: null });
    expect(job.vendorJobId).toMatch(/^job_/);
    expect(job.images).toHaveLength(1);
    const image = job.images[0]!;
    // Layout of DESIGN.md: <library>/<YYYY>/<MM>/<date>_<slug>_<short-id>.<ext>
    expect(path.relative(path.join(dataDir, 'library'), image.path)).toMatch(/^\d{4}\/\d{2}\/\d{4}-\d{2}-\d{2}_a-lighthouse-at-dusk_[\w-]+\.png$/);
    const served = emu.servedFiles();
    expect(served).toHaveLength(1);
    expect(await sha256(image.path)).toBe(served[0]!.sha256);
    expect(image.sha256).toBe(served[0]!.sha256);
    const meta = await sharp(image.path).metadata();
    expect([meta.width, meta.height]).toEqual([image.width, image.height]);
    expect(image.width).toBeGreaterThan(image.height); // 16:9 was sent and honoured
    // The create request carried what was asked.
    const create = emu.requests('create')[0]!;
    expect(create.headers.authorization).toBe('Bearer sk_live_test');
    expect(create.form?.fields).toMatchObject({ prompt: ['a lighthouse at dusk'], model: ['nano-banana'], aspect_ratio: ['16:9'], resolution: ['2k'] });
    // The sidecar holds the generation record and the index finds it.
    const sidecar = JSON.parse(await fs.readFile(image.path.replace(/\.png$/, '.json'), 'utf8'));
    expect(sidecar).toMatchObject({ prompt: 'a lighthouse at dusk', provider: 'revid', model: 'nano-banana', sha256: image.sha256, vendorJobId: job.vendorJobId });
    const search = await runCli(['library', '--search', 'lighthouse', '--json'], env);
    expect(search.json<{ path: string }[]>().map((i) => i.path)).toEqual([image.path]);
  });

  it('sends a local reference as input_image for image-to-image', async () => {
    const ref = path.join(dataDir, 'portrait.png');
    await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3366cc' } }).png().toFile(ref);
    const result = await generate('--prompt', 'make it a watercolour', '--ref', ref);
    expect(result.code, result.stderr).toBe(0);
    const create = emu.requests('create')[0]!;
    const upload = create.form?.files.input_image?.[0];
    expect(upload?.sha256).toBe(await sha256(ref));
    expect(upload?.contentType).toBe('image/png');
    const job = result.json<JobJson>();
    expect(await sha256(job.images[0]!.path)).toBe(emu.servedFiles()[0]!.sha256);
  });

  it('--count 2 submits one vendor job per image (the API has no count field) and saves both', async () => {
    const result = await generate('--prompt', 'two moons', '--count', '2');
    expect(result.code, result.stderr).toBe(0);
    const job = result.json<JobJson & { vendorJobIds: string[] }>();
    expect(job.vendorJobIds).toHaveLength(2);
    expect(emu.createCount()).toBe(2);
    expect(job.images).toHaveLength(2);
    const served = new Set(emu.servedFiles().map((f) => f.sha256));
    for (const image of job.images) expect(served.has(await sha256(image.path))).toBe(true);
    expect(new Set(job.images.map((i) => i.path)).size).toBe(2);
  });

  it('lists jobs with their state, and --no-wait then resume completes with one create', async () => {
    const submitted = await generate('--prompt', 'a quiet harbour', '--no-wait');
    expect(submitted.code, submitted.stderr).toBe(0);
    expect(submitted.json<JobJson>().state).toBe('running');
    const jobs = await runCli(['jobs', '--json'], env);
    expect(jobs.json<JobJson[]>().map((j) => j.state)).toEqual(['running']);
    const resumed = await runCli(['resume', '--json'], env);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.json<JobJson[]>()[0]).toMatchObject({ state: 'completed' });
    expect(emu.createCount()).toBe(1);
  });
});

describe('faults', () => {
  it('a rejected key fails at once with a clear message and exactly one create', async () => {
    const result = await runCli(['generate', '--provider', 'revid', '--model', 'nano-banana', '--prompt', 'x', '--json'], { ...env, EASEL_REVID_API_KEY: 'sk_live_wrong' });
    expect(result.code).toBe(1);
    expect(result.json<JobJson>()).toMatchObject({ state: 'failed', error: { code: 'AUTH_FAILED' } });
    expect(result.stderr).toMatch(/rejected the API key/);
    expect(result.stderr).not.toContain('sk_live_wrong');
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(emu.requests('create')).toHaveLength(1);
  });

  it('missing credits (402) fail at once with one create', async () => {
    emu.setCredits(0);
    const result = await generate('--prompt', 'x');
    expect(result.code).toBe(1);
    expect(result.json<JobJson>().error).toMatchObject({ code: 'INSUFFICIENT_CREDITS' });
    expect(result.stderr).toMatch(/out of credits/);
    expect(emu.requests('create')).toHaveLength(1);
  });

  it('two 500s on create then success completes, with one job at the vendor', async () => {
    emu.inject('create', { kind: 'status', status: 500, body: { message: 'boom' } }, 2);
    const result = await generate('--prompt', 'x');
    expect(result.code, result.stderr).toBe(0);
    expect(emu.requests('create')).toHaveLength(3);
    expect(emu.createCount()).toBe(1);
  });

  it('two 500s while polling then success completes', async () => {
    emu.inject('status', { kind: 'status', status: 500 }, 2);
    const result = await generate('--prompt', 'x');
    expect(result.code, result.stderr).toBe(0);
    expect(result.json<JobJson>().state).toBe('completed');
  });

  it('honours Retry-After on a 429', async () => {
    emu.inject('status', { kind: 'status', status: 429, headers: { 'retry-after': '1' }, body: { message: 'slow down' } }, 1);
    const result = await generate('--prompt', 'x');
    expect(result.code, result.stderr).toBe(0);
    const polls = emu.requests('status');
    const limited = polls.findIndex((r) => r.faulted);
    expect(limited).toBeGreaterThanOrEqual(0);
    expect(polls[limited + 1]!.at - polls[limited]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('survives malformed JSON once', async () => {
    emu.inject('status', { kind: 'malformed-json' }, 1);
    const result = await generate('--prompt', 'x');
    expect(result.code, result.stderr).toBe(0);
  });

  it('a truncated download leaves no partial file and completes on retry', async () => {
    emu.inject('download', { kind: 'truncate' }, 1);
    const result = await generate('--prompt', 'x');
    expect(result.code, result.stderr).toBe(0);
    expect(emu.requests('download').length).toBe(2);
    const job = result.json<JobJson>();
    expect(await sha256(job.images[0]!.path)).toBe(emu.servedFiles()[0]!.sha256);
    const leftovers = (await fs.readdir(path.dirname(job.images[0]!.path))).filter((f) => f.startsWith('.') || f.endsWith('.part'));
    expect(leftovers).toEqual([]);
  });

  it('an expired result URL ends in `expired` with a message that says so', async () => {
    emu.expireFiles();
    const result = await generate('--prompt', 'x');
    expect(result.code).toBe(1);
    const job = result.json<JobJson>();
    expect(job.state).toBe('expired');
    expect(job.error?.message).toMatch(/expired/);
    expect(job.images).toEqual([]);
  });

  it('a vendor-side failure ends the job failed with the vendor reason', async () => {
    emu.failNextJobs(1, 'content policy violation');
    const result = await generate('--prompt', 'x');
    expect(result.code).toBe(1);
    expect(result.json<JobJson>().error?.message).toMatch(/content policy violation/);
  });

  it('a connection dropped during create is not resent: the person decides', async () => {
    emu.inject('create', { kind: 'drop', afterHandling: true }, 1);
    const result = await generate('--prompt', 'x');
    expect(result.code).toBe(1);
    expect(result.json<JobJson>().error?.code).toBe('SUBMIT_OUTCOME_UNKNOWN');
    expect(emu.requests('create')).toHaveLength(1);
  });
});

describe('crash safety', () => {
  it('SIGKILL while polling, then resume, completes with exactly one create', async () => {
    await emu.close();
    emu = await startRevidV1Emulator({ jobDurationMs: 3000 });
    env.EASEL_REVID_BASE_URL = emu.url;
    const { child, done } = startCli(['generate', '--provider', 'revid', '--model', 'nano-banana', '--prompt', 'crash test'], env);
    const deadline = Date.now() + 10_000;
    while (emu.requests('status').length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(emu.requests('status').length).toBeGreaterThan(0);
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    const resumed = await runCli(['resume', '--json'], env);
    expect(resumed.code, resumed.stderr).toBe(0);
    const [job] = resumed.json<JobJson[]>();
    expect(job).toMatchObject({ state: 'completed' });
    expect(await sha256(job!.images[0]!.path)).toBe(emu.servedFiles()[0]!.sha256);
    expect(emu.requests('create')).toHaveLength(1);
  });
});

describe('bad input is refused before any request', () => {
  it.each([
    ['an empty prompt', ['--prompt', ''], /prompt is empty/],
    ['an unknown model', ['--prompt', 'x', '--model', 'nope'], /no model "nope"/],
    ['a wrong aspect ratio', ['--prompt', 'x', '--aspect', '7:3'], /aspect ratio "7:3"/],
  ])('%s', async (_name, args, message) => {
    const result = await runCli(['generate', '--provider', 'revid', '--model', 'nano-banana', ...args], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(emu.log).toHaveLength(0);
  });

  it('a --ref that is not an image', async () => {
    const notes = path.join(dataDir, 'notes.txt');
    await fs.writeFile(notes, 'shopping list');
    const result = await generate('--prompt', 'x', '--ref', notes);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/notes.txt is not an image/);
    expect(emu.log).toHaveLength(0);
  });

  it('a missing key', async () => {
    const { EASEL_REVID_API_KEY: _removed, ...withoutKey } = env;
    const result = await runCli(['generate', '--provider', 'revid', '--model', 'nano-banana', '--prompt', 'x'], withoutKey);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/No revid API key.*EASEL_REVID_API_KEY/);
    expect(emu.log).toHaveLength(0);
    expect(await fs.readdir(path.join(dataDir, 'jobs')).catch(() => [])).toEqual([]);
  });
});
