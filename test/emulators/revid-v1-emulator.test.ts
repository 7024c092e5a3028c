// The revid v1 emulator must behave like the document says and fail the way the test scripts
// it to, or every client test built on it proves nothing.
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeJpeg, makePng } from './png-factory';
import { startRevidV1Emulator, type RevidV1Emulator, type RevidV1EmulatorOptions } from './revid-v1-emulator';

const KEY = 'sk_live_test';
let emu: RevidV1Emulator;

beforeEach(async () => {
  // Long enough that the first poll reliably sees `processing`, even on a busy machine.
  emu = await startRevidV1Emulator({ jobDurationMs: 250 });
});
afterEach(async () => {
  await emu.close();
});

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function form(fields: Record<string, string>, file?: { name: string; data: Buffer; filename: string; type: string }): FormData {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  if (file) body.append(file.name, new Blob([new Uint8Array(file.data)], { type: file.type }), file.filename);
  return body;
}

function create(fields: Record<string, string>, options: { key?: string | null; file?: Parameters<typeof form>[1]; on?: RevidV1Emulator } = {}) {
  const key = options.key === undefined ? KEY : options.key;
  return fetch(`${(options.on ?? emu).url}/v1/image/generate`, {
    method: 'POST',
    headers: key === null ? {} : { authorization: `Bearer ${key}` },
    body: form(fields, options.file),
  });
}

const poll = (jobId: string, key = KEY) => fetch(`${emu.url}/v1/jobs/${jobId}`, { headers: { authorization: `Bearer ${key}` } });

async function createJob(fields: Record<string, string> = { prompt: 'a red fox', model: 'nano-banana' }, file?: Parameters<typeof form>[1]): Promise<string> {
  const res = await create(fields, { file });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { job_id: string };
  return body.job_id;
}

async function pollUntilDone(jobId: string): Promise<{ status: string; result: string | null; error?: string }> {
  for (let i = 0; i < 100; i++) {
    const body = (await (await poll(jobId)).json()) as { status: string; result: string | null; error?: string };
    if (body.status !== 'processing') return body;
    await sleep(20);
  }
  throw new Error('job never finished');
}

/** Raw GET that reports how many body bytes arrived before the socket closed. */
function rawGet(url: string): Promise<{ status: number; contentLength: number; received: number; aborted: boolean }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { agent: false }, (res) => {
      let received = 0;
      let aborted = false;
      res.on('data', (chunk: Buffer) => (received += chunk.length));
      res.on('aborted', () => (aborted = true));
      res.on('error', () => (aborted = true));
      res.on('close', () => resolve({ status: res.statusCode ?? 0, contentLength: Number(res.headers['content-length']), received, aborted: aborted || !res.complete }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('revid v1 emulator: the documented flow', () => {
  it('create, poll, download gives a decodable PNG whose sha256 is what servedFiles reports', async () => {
    const jobId = await createJob({ prompt: 'a lighthouse at dusk', model: 'nano-banana-pro', aspect_ratio: '16:9', resolution: '2k', speed: 'fast' });
    expect(jobId).toMatch(/^job_\w+$/);

    const first = (await (await poll(jobId)).json()) as unknown;
    expect(first).toEqual({ status: 'processing', result: null });
    expect(emu.jobs()[0]?.state).toBe('processing');

    const done = await pollUntilDone(jobId);
    expect(done.status).toBe('completed');
    expect(done.result).toMatch(new RegExp(`^${emu.url}/files/\\w+\\.png$`));

    const res = await fetch(done.result!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await res.arrayBuffer());
    const served = emu.servedFiles();
    expect(served).toHaveLength(1);
    expect(sha256(bytes)).toBe(served[0]!.sha256);
    expect(bytes.length).toBe(served[0]!.bytes);

    const meta = await sharp(bytes).metadata();
    expect(meta.format).toBe('png');
    expect([meta.width, meta.height]).toEqual([448, 252]); // 16:9 at 2k
    expect(meta.comments).toContainEqual({ keyword: 'Comment', text: `job ${jobId}` });

    expect(emu.jobs()[0]).toMatchObject({ id: jobId, prompt: 'a lighthouse at dusk', model: 'nano-banana-pro', state: 'completed', fields: { speed: 'fast' } });
    expect(emu.createCount()).toBe(1);
    expect(emu.requests('download')).toHaveLength(1);
  });

  it('shapes pictures by aspect ratio and resolution, and the prompt changes the pixels', async () => {
    const a = await createJob({ prompt: 'a red fox', model: 'imagen-4', aspect_ratio: '9:16' });
    const b = await createJob({ prompt: 'a blue whale', model: 'imagen-4', aspect_ratio: '1:1', resolution: '4k' });
    const [ra, rb] = await Promise.all([pollUntilDone(a), pollUntilDone(b)]);
    const [pa, pb] = await Promise.all([ra, rb].map(async (r) => Buffer.from(await (await fetch(r.result!)).arrayBuffer())));
    expect(await sharp(pa!).metadata()).toMatchObject({ width: 126, height: 224 });
    expect(await sharp(pb!).metadata()).toMatchObject({ width: 512, height: 512 });
    const pixelsA = await sharp(pa!).resize(8, 8).raw().toBuffer();
    const pixelsB = await sharp(pb!).resize(8, 8).raw().toBuffer();
    expect(pixelsA.equals(pixelsB)).toBe(false);
  });

  it('parses and logs a multipart upload with its sha256, and image-to-image differs', async () => {
    const reference = await makeJpeg({ width: 40, height: 30, seedText: 'portrait' });
    const withRef = await createJob({ prompt: 'same prompt', model: 'nano-banana' }, { name: 'input_image', data: reference, filename: 'portrait.jpg', type: 'image/jpeg' });
    const without = await createJob({ prompt: 'same prompt', model: 'nano-banana' });

    const logged = emu.requests('create')[0]!;
    expect(logged.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(logged.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(logged.form?.fields).toEqual({ prompt: ['same prompt'], model: ['nano-banana'] });
    expect(logged.form?.files.input_image).toEqual([{ filename: 'portrait.jpg', contentType: 'image/jpeg', bytes: reference.length, sha256: sha256(reference) }]);
    expect(emu.jobs().find((j) => j.id === withRef)?.inputImage).toEqual({ filename: 'portrait.jpg', contentType: 'image/jpeg', sha256: sha256(reference) });

    const urls = await Promise.all([withRef, without].map(async (id) => (await pollUntilDone(id)).result!));
    const [p1, p2] = await Promise.all(urls.map(async (u) => sharp(Buffer.from(await (await fetch(u)).arrayBuffer())).raw().toBuffer()));
    expect(p1!.equals(p2!)).toBe(false);
  });

  it('a vendor-side failure reads failed with the reason', async () => {
    emu.failNextJobs(1, 'content policy violation');
    const failed = await createJob();
    const fine = await createJob();
    expect(await pollUntilDone(failed)).toEqual({ status: 'failed', result: null, error: 'content policy violation' });
    expect((await pollUntilDone(fine)).status).toBe('completed');
    expect(emu.jobs().map((j) => j.state)).toEqual(['failed', 'completed']);
  });
});

describe('revid v1 emulator: documented errors', () => {
  it('401 for a wrong or missing key, with the documented body', async () => {
    for (const key of ['sk_live_wrong', null]) {
      const res = await create({ prompt: 'x', model: 'nano-banana' }, { key });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'Unauthorized', message: 'Missing or invalid API key.' });
    }
    expect((await poll('job_x', 'sk_live_wrong')).status).toBe(401);
    expect(emu.createCount()).toBe(0);
    expect(emu.requests('create')).toHaveLength(2);
  });

  it('402 when credits run out, and each job costs one', async () => {
    emu.setCredits(1);
    await createJob();
    expect(emu.credits()).toBe(0);
    const res = await create({ prompt: 'x', model: 'nano-banana' });
    expect(res.status).toBe(402);
    expect(await res.json()).toMatchObject({ error: 'Insufficient Funds' });
    expect(emu.createCount()).toBe(1);
  });

  it('credits: 0 as an option answers 402 at once', async () => {
    const broke = await startRevidV1Emulator({ credits: 0 } satisfies RevidV1EmulatorOptions);
    try {
      expect((await create({ prompt: 'x', model: 'nano-banana' }, { on: broke })).status).toBe(402);
    } finally {
      await broke.close();
    }
  });

  it('400 for missing prompt or model, unknown model, non-multipart body, and a file that is not an image', async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ model: 'nano-banana' }, /prompt/],
      [{ prompt: 'x' }, /model/],
      [{ prompt: 'x', model: 'dall-e-9' }, /Unknown model "dall-e-9"/],
      [{ prompt: 'x', model: 'nano-banana', aspect_ratio: 'wide' }, /aspect_ratio/],
    ];
    for (const [fields, message] of cases) {
      const res = await create(fields);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(message);
    }
    const json = await fetch(`${emu.url}/v1/image/generate`, { method: 'POST', headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }, body: JSON.stringify({ prompt: 'x', model: 'nano-banana' }) });
    expect(json.status).toBe(400);
    expect(emu.requests('create').at(-1)?.json).toEqual({ prompt: 'x', model: 'nano-banana' });
    const notImage = await create({ prompt: 'x', model: 'nano-banana' }, { file: { name: 'input_image', data: Buffer.from('shopping list'), filename: 'notes.txt', type: 'text/plain' } });
    expect(notImage.status).toBe(400);
    expect(emu.createCount()).toBe(0);
  });

  it('403 for a key without permission, 404 for an unknown job', async () => {
    const limited = await startRevidV1Emulator({ forbiddenKeys: ['sk_live_readonly'] });
    try {
      expect((await create({ prompt: 'x', model: 'nano-banana' }, { key: 'sk_live_readonly', on: limited })).status).toBe(403);
    } finally {
      await limited.close();
    }
    const res = await poll('job_nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'Not Found' });
  });

  it('429 with Retry-After past the per-minute limit', async () => {
    const strict = await startRevidV1Emulator({ rateLimitPerMinute: 2 });
    try {
      const get = () => fetch(`${strict.url}/v1/jobs/job_x`, { headers: { authorization: `Bearer ${KEY}` } });
      expect((await get()).status).toBe(404);
      expect((await get()).status).toBe(404);
      const limited = await get();
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    } finally {
      await strict.close();
    }
  });
});

describe('emulator faults', () => {
  it('an injected 429 carries its Retry-After, is logged as faulted, and creates nothing', async () => {
    emu.inject('create', { kind: 'status', status: 429, headers: { 'Retry-After': '3' }, body: { message: 'slow down' } });
    const res = await create({ prompt: 'x', model: 'nano-banana' });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3');
    expect(await res.json()).toEqual({ message: 'slow down' });
    expect(emu.requests('create')[0]).toMatchObject({ faulted: true, fault: { kind: 'status', status: 429 } });
    expect(emu.createCount()).toBe(0);
    // Consumed: the next request is handled normally.
    expect((await create({ prompt: 'x', model: 'nano-banana' })).status).toBe(200);
  });

  it('faults are consumed in order, `times` at a time', async () => {
    const jobId = await createJob();
    emu.inject('status', { kind: 'status', status: 503 }, 2);
    emu.inject('status', { kind: 'status', status: 500, body: 'oops' });
    expect((await poll(jobId)).status).toBe(503);
    expect((await poll(jobId)).status).toBe(503);
    const plain = await poll(jobId);
    expect([plain.status, plain.headers.get('content-type'), await plain.text()]).toEqual([500, 'text/plain; charset=utf-8', 'oops']);
    expect((await poll(jobId)).status).toBe(200);
    expect(emu.pendingFaults('status')).toBe(0);
  });

  it('malformed JSON is a 200 labelled JSON that does not parse', async () => {
    const jobId = await createJob();
    emu.inject('status', { kind: 'malformed-json' });
    const res = await poll(jobId);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow();
  });

  it('drop closes the socket without an answer, and creates nothing', async () => {
    emu.inject('create', { kind: 'drop' });
    await expect(create({ prompt: 'x', model: 'nano-banana' })).rejects.toThrow();
    expect(emu.requests('create')).toHaveLength(1);
    expect(emu.requests('create')[0]?.form?.fields.prompt).toEqual(['x']);
    expect(emu.createCount()).toBe(0);
  });

  it('drop after handling creates the job but loses the answer', async () => {
    emu.inject('create', { kind: 'drop', afterHandling: true });
    await expect(create({ prompt: 'x', model: 'nano-banana' })).rejects.toThrow();
    expect(emu.createCount()).toBe(1);
    expect(emu.jobs()[0]?.prompt).toBe('x');
  });

  it('delay answers normally, later', async () => {
    emu.inject('status', { kind: 'delay', ms: 150 });
    const started = Date.now();
    expect((await poll('job_nope')).status).toBe(404);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('truncate sends the full Content-Length but about half the bytes', async () => {
    const done = await pollUntilDone(await createJob());
    emu.inject('download', { kind: 'truncate' });
    const cut = await rawGet(done.result!);
    expect(cut.status).toBe(200);
    expect(cut.contentLength).toBe(emu.servedFiles()[0]!.bytes);
    expect(cut.received).toBeLessThan(cut.contentLength);
    expect(cut.received).toBeGreaterThan(0);
    expect(cut.aborted).toBe(true);
    // fetch notices too, and the retry gets the whole file.
    emu.inject('download', { kind: 'truncate' });
    await expect(fetch(done.result!).then((r) => r.arrayBuffer())).rejects.toThrow();
    const whole = await rawGet(done.result!);
    expect(whole).toMatchObject({ status: 200, received: whole.contentLength, aborted: false });
  });

  it('expireFiles makes result URLs answer 403 ExpiredToken, including ones made later', async () => {
    const early = await pollUntilDone(await createJob());
    const laterJob = await createJob();
    emu.expireFiles();
    const res = await fetch(early.result!);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('<Code>ExpiredToken</Code><Message>Request has expired</Message>');
    const later = await pollUntilDone(laterJob);
    expect((await fetch(later.result!)).status).toBe(403);
  });

  it('a per-file expiry and resultTtlMs expire URLs on time', async () => {
    const file = emu.putFile(await makePng({ width: 8, height: 8, seedText: 'x' }), 'image/png', { expiresAt: Date.now() + 400 });
    expect((await fetch(file.url)).status).toBe(200);
    await sleep(450);
    expect((await fetch(file.url)).status).toBe(403);
    expect((await fetch(`${emu.url}/files/nothing.png`)).status).toBe(404);

    const shortLived = await startRevidV1Emulator({ jobDurationMs: 0, resultTtlMs: 400 });
    try {
      const res = await create({ prompt: 'x', model: 'nano-banana' }, { on: shortLived });
      const { job_id } = (await res.json()) as { job_id: string };
      const status = (await (await fetch(`${shortLived.url}/v1/jobs/${job_id}`, { headers: { authorization: `Bearer ${KEY}` } })).json()) as { result: string };
      expect((await fetch(status.result)).status).toBe(200);
      await sleep(450);
      expect((await fetch(status.result)).status).toBe(403);
    } finally {
      await shortLived.close();
    }
  });

  it('inject refuses a route that does not exist, and unknown paths are logged without a route', async () => {
    expect(() => emu.inject('nope', { kind: 'drop' })).toThrow(/nope/);
    expect((await fetch(`${emu.url}/v2/whatever?x=1`)).status).toBe(404);
    expect(emu.log.at(-1)).toMatchObject({ route: null, path: '/v2/whatever', query: { x: '1' } });
  });
});

describe('png factory', () => {
  it('is deterministic per seed and differs across seeds', async () => {
    const a1 = await makePng({ width: 64, height: 48, seedText: 'alpha' });
    const a2 = await makePng({ width: 64, height: 48, seedText: 'alpha' });
    const b = await makePng({ width: 64, height: 48, seedText: 'beta' });
    expect(a1.equals(a2)).toBe(true);
    expect(a1.equals(b)).toBe(false);
    expect(await sharp(b).metadata()).toMatchObject({ format: 'png', width: 64, height: 48 });
    expect(await sharp(await makeJpeg({ width: 64, height: 48, seedText: 'alpha' })).metadata()).toMatchObject({ format: 'jpeg', width: 64, height: 48 });
  });
});
