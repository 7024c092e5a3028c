// The foundation, end to end: the real `easel` process against the revid v1 emulator, down to
// the files in the library.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { startRevidV1Emulator } from '../emulators/revid-v1-emulator';
import { expectKeyRejected, expectOneSavedImageAsServed, expectRefusedBeforeAnyRequest, expectSavedAsServed } from './cli-expectations';
import { useCliFixture } from './cli-fixture';
import type { JobJson } from './cli-harness';
import { sha256Of, sha256sOf, sidecarOf } from './cli-saved-files';

const cli = useCliFixture({ startEmulator: startRevidV1Emulator, options: { jobDurationMs: 250 }, key: { env: 'EASEL_REVID_API_KEY', value: 'sk_live_test' }, baseUrlEnv: 'EASEL_REVID_BASE_URL' });

const generate = (...extra: string[]) => cli.run(['generate', '--provider', 'revid', '--model', 'nano-banana', '--json', ...extra]);

describe('easel generate with revid', () => {
  it('completes a text-to-image job and saves exactly the bytes the vendor served', async () => {
    const result = await generate('--prompt', 'a lighthouse at dusk', '--aspect', '16:9', '--resolution', '2k');
    expect(result.code, result.stderr).toBe(0);
    const job = result.json<JobJson>();
    expect(job).toMatchObject({ provider: 'revid', model: 'nano-banana', state: 'completed', error: null });
    expect(job.vendorJobId).toMatch(/^job_/);
    const { image } = await expectOneSavedImageAsServed(cli.emu, job);
    // Layout of DESIGN.md: <library>/<YYYY>/<MM>/<date>_<slug>_<short-id>.<ext>
    expect(path.relative(path.join(cli.dataDir, 'library'), image.path)).toMatch(/^\d{4}\/\d{2}\/\d{4}-\d{2}-\d{2}_a-lighthouse-at-dusk_[\w-]+\.png$/);
    const meta = await sharp(image.path).metadata();
    expect([meta.width, meta.height]).toEqual([image.width, image.height]);
    expect(image.width).toBeGreaterThan(image.height); // 16:9 was sent and honoured
    // The create request carried what was asked.
    const create = cli.emu.requests('create')[0]!;
    expect(create.headers.authorization).toBe('Bearer sk_live_test');
    expect(create.form?.fields).toMatchObject({ prompt: ['a lighthouse at dusk'], model: ['nano-banana'], aspect_ratio: ['16:9'], resolution: ['2k'] });
    // The sidecar holds the generation record and the index finds it.
    expect(await sidecarOf(image.path)).toMatchObject({ prompt: 'a lighthouse at dusk', provider: 'revid', model: 'nano-banana', sha256: image.sha256, vendorJobId: job.vendorJobId });
    const search = await cli.run(['library', '--search', 'lighthouse', '--json']);
    expect(search.json<{ path: string }[]>().map((i) => i.path)).toEqual([image.path]);
  });

  it('sends a local reference as input_image for image-to-image', async () => {
    const ref = await cli.writePng('portrait.png', { width: 40, height: 30, background: '#3366cc' });
    const result = await generate('--prompt', 'make it a watercolour', '--ref', ref);
    expect(result.code, result.stderr).toBe(0);
    const create = cli.emu.requests('create')[0]!;
    const upload = create.form?.files.input_image?.[0];
    expect(upload?.sha256).toBe(await sha256Of(ref));
    expect(upload?.contentType).toBe('image/png');
    const job = result.json<JobJson>();
    await expectSavedAsServed(job.images[0]!.path, cli.emu.servedFiles()[0]);
  });

  it('--count 2 submits one vendor job per image (the API has no count field) and saves both', async () => {
    const result = await generate('--prompt', 'two moons', '--count', '2');
    expect(result.code, result.stderr).toBe(0);
    const job = result.json<JobJson & { vendorJobIds: string[] }>();
    expect(job.vendorJobIds).toHaveLength(2);
    expect(cli.emu.createCount()).toBe(2);
    expect(job.images).toHaveLength(2);
    const served = new Set(cli.emu.servedFiles().map((f) => f.sha256));
    for (const saved of await sha256sOf(job.images)) expect(served.has(saved)).toBe(true);
    expect(new Set(job.images.map((i) => i.path)).size).toBe(2);
  });

  it('lists jobs with their state, and --no-wait then resume completes with one create', async () => {
    const submitted = await generate('--prompt', 'a quiet harbour', '--no-wait');
    expect(submitted.code, submitted.stderr).toBe(0);
    expect(submitted.json<JobJson>().state).toBe('running');
    const jobs = await cli.run(['jobs', '--json']);
    expect(jobs.json<JobJson[]>().map((j) => j.state)).toEqual(['running']);
    const resumed = await cli.run(['resume', '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.json<JobJson[]>()[0]).toMatchObject({ state: 'completed' });
    expect(cli.emu.createCount()).toBe(1);
  });
});

describe('faults', () => {
  it('a rejected key fails at once with a clear message and exactly one create', async () => {
    const result = await cli.run(['generate', '--provider', 'revid', '--model', 'nano-banana', '--prompt', 'x', '--json'], { EASEL_REVID_API_KEY: 'sk_live_wrong' });
    expectKeyRejected(result, { says: /rejected the API key/, wrongKey: 'sk_live_wrong' });
    expect(cli.emu.requests('create')).toHaveLength(1);
  });

  it('missing credits (402) fail at once with one create', async () => {
    cli.emu.setCredits(0);
    const result = await generate('--prompt', 'x');
    expect(result.code).toBe(1);
    expect(result.json<JobJson>().error).toMatchObject({ code: 'INSUFFICIENT_CREDITS' });
    expect(result.stderr).toMatch(/out of credits/);
    expect(cli.emu.requests('create')).toHaveLength(1);
  });

  it('two 500s on create then success completes, with one job at the vendor', async () => {
    cli.emu.inject('create', { kind: 'status', status: 500, body: { message: 'boom' } }, 2);
    const result = await generate('--prompt', 'x');
    expect(result.code, result.stderr).toBe(0);
    expect(cli.emu.requests('create')).toHaveLength(3);
    expect(cli.emu.createCount()).toBe(1);
  });

  it('two 500s while polling then success completes', async () => {
    cli.emu.inject('status', { kind: 'status', status: 500 }, 2);
    const result = await generate('--prompt', 'x');
    expect(result.code, result.stderr).toBe(0);
    expect(result.json<JobJson>().state).toBe('completed');
  });

  it('honours Retry-After on a 429', async () => {
    cli.emu.inject('status', { kind: 'status', status: 429, headers: { 'retry-after': '1' }, body: { message: 'slow down' } }, 1);
    const result = await generate('--prompt', 'x');
    expect(result.code, result.stderr).toBe(0);
    const polls = cli.emu.requests('status');
    const limited = polls.findIndex((r) => r.faulted);
    expect(limited).toBeGreaterThanOrEqual(0);
    expect(polls[limited + 1]!.at - polls[limited]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('survives malformed JSON once', async () => {
    cli.emu.inject('status', { kind: 'malformed-json' }, 1);
    const result = await generate('--prompt', 'x');
    expect(result.code, result.stderr).toBe(0);
  });

  it('a truncated download leaves no partial file and completes on retry', async () => {
    cli.emu.inject('download', { kind: 'truncate' }, 1);
    const result = await generate('--prompt', 'x');
    expect(result.code, result.stderr).toBe(0);
    expect(cli.emu.requests('download').length).toBe(2);
    const job = result.json<JobJson>();
    await expectSavedAsServed(job.images[0]!.path, cli.emu.servedFiles()[0]);
    const leftovers = (await fs.readdir(path.dirname(job.images[0]!.path))).filter((f) => f.startsWith('.') || f.endsWith('.part'));
    expect(leftovers).toEqual([]);
  });

  it('an expired result URL ends in `expired` with a message that says so', async () => {
    cli.emu.expireFiles();
    const result = await generate('--prompt', 'x');
    expect(result.code).toBe(1);
    const job = result.json<JobJson>();
    expect(job.state).toBe('expired');
    expect(job.error?.message).toMatch(/expired/);
    expect(job.images).toEqual([]);
  });

  it('a vendor-side failure ends the job failed with the vendor reason', async () => {
    cli.emu.failNextJobs(1, 'content policy violation');
    const result = await generate('--prompt', 'x');
    expect(result.code).toBe(1);
    expect(result.json<JobJson>().error?.message).toMatch(/content policy violation/);
  });

  it('a connection dropped during create is not resent: the person decides', async () => {
    cli.emu.inject('create', { kind: 'drop', afterHandling: true }, 1);
    const result = await generate('--prompt', 'x');
    expect(result.code).toBe(1);
    expect(result.json<JobJson>().error?.code).toBe('SUBMIT_OUTCOME_UNKNOWN');
    expect(cli.emu.requests('create')).toHaveLength(1);
  });
});

describe('crash safety', () => {
  it('SIGKILL while polling, then resume, completes with exactly one create', async () => {
    await cli.restart({ jobDurationMs: 3000 });
    const { child, done } = cli.start(['generate', '--provider', 'revid', '--model', 'nano-banana', '--prompt', 'crash test']);
    const deadline = Date.now() + 10_000;
    while (cli.emu.requests('status').length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(cli.emu.requests('status').length).toBeGreaterThan(0);
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    const resumed = await cli.run(['resume', '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const [job] = resumed.json<JobJson[]>();
    expect(job).toMatchObject({ state: 'completed' });
    await expectSavedAsServed(job!.images[0]!.path, cli.emu.servedFiles()[0]);
    expect(cli.emu.requests('create')).toHaveLength(1);
  });
});

describe('bad input is refused before any request', () => {
  it.each([
    ['an empty prompt', ['--prompt', ''], /prompt is empty/],
    ['an unknown model', ['--prompt', 'x', '--model', 'nope'], /no model "nope"/],
    ['a wrong aspect ratio', ['--prompt', 'x', '--aspect', '7:3'], /aspect ratio "7:3"/],
  ])('%s', async (_name, args, message) => {
    await expectRefusedBeforeAnyRequest(cli, await cli.run(['generate', '--provider', 'revid', '--model', 'nano-banana', ...args]), message, { oneLine: true });
  });

  it('a --ref that is not an image', async () => {
    const notes = await cli.writeFile('notes.txt', 'shopping list');
    await expectRefusedBeforeAnyRequest(cli, await generate('--prompt', 'x', '--ref', notes), /notes.txt is not an image/);
  });

  it('a missing key', async () => {
    const result = await cli.run(['generate', '--provider', 'revid', '--model', 'nano-banana', '--prompt', 'x'], { EASEL_REVID_API_KEY: null });
    await expectRefusedBeforeAnyRequest(cli, result, /No revid API key.*EASEL_REVID_API_KEY/);
  });
});
