// The kvid emulator must follow the document and fail the way a test scripts it to, or every
// client test built on it proves nothing.
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startKvidEmulator, type KvidEmulator, type KvidEmulatorOptions } from './kvid-emulator';

const KEY = 'kvid_test_key';
const T2I = '/ai/generation/text-to-image/generate-async';
const I2I = '/ai/generation/image-to-image/generate-async';
let emu: KvidEmulator;

beforeEach(async () => {
  // Queued for the first 200 ms and processing until 600: room for a busy machine's first call.
  emu = await startKvidEmulator({ jobDurationMs: 600 });
});
afterEach(async () => {
  await emu.close();
});

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Envelope<T = Record<string, unknown>> {
  success: boolean;
  data?: T;
  error?: { code: string; message: string };
}

function post(path: string, body: unknown, options: { key?: string | null; on?: KvidEmulator; headers?: Record<string, string> } = {}) {
  const key = options.key === undefined ? KEY : options.key;
  return fetch(`${(options.on ?? emu).url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key === null ? {} : { 'api-key': key }), ...options.headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const get = (what: 'status' | 'result', jobId: string, key = KEY, on = emu) => fetch(`${on.url}/ai/generation/${what}?jobId=${encodeURIComponent(jobId)}`, { headers: { 'api-key': key } });

async function createJob(body: Record<string, unknown> = { prompt: 'K-pop idol on stage' }, path = T2I): Promise<string> {
  const res = await post(path, body);
  const json = (await res.json()) as Envelope<{ job_id: string }>;
  expect(res.status, JSON.stringify(json)).toBe(200);
  return json.data!.job_id;
}

async function waitDone(jobId: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const { data } = (await (await get('status', jobId)).json()) as Envelope<{ status: string }>;
    if (data!.status === 'completed' || data!.status === 'failed') return data!.status;
    await sleep(25);
  }
  throw new Error('job never finished');
}

describe('kvid emulator: the documented flow', () => {
  it('create, status queued → processing → completed, result with used_credit, download matches servedFiles', async () => {
    const res = await post(T2I, { prompt: 'K-pop idol wearing a colorful stage outfit', negative_prompt: 'blurry', image_size: { width: 1024, height: 1024 }, num_inference_steps: 50, guidance_scale: 7.5, enable_safety_checker: true });
    const created = (await res.json()) as Envelope;
    expect(created).toMatchObject({ success: true, data: { status: 'queued', message: 'Job submitted', image_type: 'text-to-image' } });
    const jobId = String(created.data!.job_id);
    expect(jobId).toMatch(/^img_\d+_\w+$/);

    const first = (await (await get('status', jobId)).json()) as Envelope;
    expect(first.data).toMatchObject({ job_id: jobId, status: 'queued', image_type: 'text-to-image', prompt: 'K-pop idol wearing a colorful stage outfit' });
    await sleep(300);
    expect(((await (await get('status', jobId)).json()) as Envelope).data?.status).toBe('processing');
    const early = (await (await get('result', jobId)).json()) as Envelope;
    expect(early.data).toEqual({ job_id: jobId, status: 'processing' });
    expect(await waitDone(jobId)).toBe('completed');

    const result = (await (await get('result', jobId)).json()) as Envelope<{ result_url: string; width: number; height: number; size: number; type: string; used_credit: number }>;
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ status: 'completed', width: 128, height: 128, type: 'image/jpeg', used_credit: 8 });
    const bytes = Buffer.from(await (await fetch(result.data!.result_url)).arrayBuffer());
    const served = emu.servedFiles();
    expect(served).toHaveLength(1);
    expect(sha256(bytes)).toBe(served[0]!.sha256);
    expect(result.data!.size).toBe(bytes.length);
    expect(await sharp(bytes).metadata()).toMatchObject({ format: 'jpeg', width: 128, height: 128 });
    expect(emu.jobs()[0]).toMatchObject({ id: jobId, state: 'completed', usedCredit: 8, numImages: 1, resultUrls: [result.data!.result_url] });
    expect(emu.createCount()).toBe(1);
  });

  it('shapes by aspect ratio, charges per megapixel, renders png on request', async () => {
    const jobId = await createJob({ prompt: 'x', aspect_ratio: '16:9', output_format: 'png', num_images: 2 });
    await waitDone(jobId);
    const { data } = (await (await get('result', jobId)).json()) as Envelope<{ result_url: string; result_urls: string[]; width: number; height: number; used_credit: number; type: string }>;
    // 1024×576 is 0.5625 of 1024²: 4.5 credits an image, 9 for two.
    expect(data).toMatchObject({ width: 128, height: 72, used_credit: 9, type: 'image/png' });
    expect(data!.result_urls).toHaveLength(2);
    expect(data!.result_urls[0]).toBe(data!.result_url);
    const [a, b] = await Promise.all(data!.result_urls.map(async (u) => Buffer.from(await (await fetch(u)).arrayBuffer())));
    expect(sha256(a!)).not.toBe(sha256(b!));
    expect((await sharp(a!).metadata()).format).toBe('png');
  });

  it("multiResultShape 'images' lists results as objects", async () => {
    const other = await startKvidEmulator({ jobDurationMs: 0, multiResultShape: 'images' });
    try {
      const res = await post(T2I, { prompt: 'x', num_images: 3 }, { on: other });
      const { data } = (await res.json()) as Envelope<{ job_id: string }>;
      const result = (await (await get('result', data!.job_id, KEY, other)).json()) as Envelope<{ images: { url: string; width: number }[]; result_urls?: unknown }>;
      expect(result.data!.images).toHaveLength(3);
      expect(result.data!.images[0]).toMatchObject({ width: 128 });
      expect(result.data!.result_urls).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  it('image-to-image takes image_url or image_urls on its own endpoint only', async () => {
    const one = await createJob({ prompt: 'glass skin makeup', image_url: 'https://img.example/a.png' }, I2I);
    await createJob({ prompt: 'glass skin makeup', image_urls: ['https://img.example/a.png', 'https://img.example/b.png'] }, I2I);
    expect(emu.jobs().map((j) => j.imageType)).toEqual(['image-to-image', 'image-to-image']);
    expect(emu.jobs()[0]).toMatchObject({ id: one, body: { image_url: 'https://img.example/a.png' } });
    expect(emu.requests('image-to-image')[1]?.json).toMatchObject({ image_urls: ['https://img.example/a.png', 'https://img.example/b.png'] });

    const cases: [string, Record<string, unknown>, RegExp][] = [
      [I2I, { prompt: 'x' }, /needs image_url or image_urls/],
      [I2I, { prompt: 'x', image_url: 'a.png' }, /http/],
      [I2I, { prompt: 'x', image_url: 'https://a/x.png', image_urls: ['https://a/y.png'] }, /not both/],
      [T2I, { prompt: 'x', image_url: 'https://a/x.png' }, /image-to-image endpoint/],
    ];
    for (const [path, body, message] of cases) {
      const res = await post(path, body);
      expect(res.status).toBe(400);
      const json = (await res.json()) as Envelope;
      expect(json.error?.code).toBe('INVALID_PARAMETER');
      expect(json.error?.message).toMatch(message);
    }
    expect(emu.createCount()).toBe(2);
    expect(emu.createRequests()).toHaveLength(6);
  });

  it('a scripted vendor failure reads failed in status and result', async () => {
    emu.failNextJobs(1, 'Generation crashed');
    const failed = await createJob();
    const fine = await createJob();
    expect(await waitDone(failed)).toBe('failed');
    expect(((await (await get('status', failed)).json()) as Envelope).data).toMatchObject({ status: 'failed', error: { code: 'GENERATION_FAILED', message: 'Generation crashed' } });
    expect(((await (await get('result', failed)).json()) as Envelope).data).toMatchObject({ status: 'failed', error: { message: 'Generation crashed' } });
    expect(await waitDone(fine)).toBe('completed');
    expect(emu.servedFiles()).toHaveLength(0); // nothing rendered before a result call
  });
});

describe('kvid emulator: documented errors', () => {
  it('401 without the api-key header (a Bearer token is not it), 400 INVALID_PROMPT, 400 for bad params', async () => {
    for (const options of [{ key: null }, { key: 'wrong' }, { key: null, headers: { authorization: `Bearer ${KEY}` } }]) {
      const res = await post(T2I, { prompt: 'x' }, options);
      expect(res.status).toBe(401);
      expect(((await res.json()) as Envelope).error?.code).toBe('UNAUTHORIZED');
    }
    const empty = await post(T2I, { prompt: '  ' });
    expect([empty.status, ((await empty.json()) as Envelope).error?.code]).toEqual([400, 'INVALID_PROMPT']);
    const bad: Record<string, unknown>[] = [
      { prompt: 'x', image_size: { width: 2048, height: 1024 } },
      { prompt: 'x', image_size: { width: 512, height: 512 }, aspect_ratio: '1:1' },
      { prompt: 'x', aspect_ratio: 'wide' },
      { prompt: 'x', num_inference_steps: 25 },
      { prompt: 'x', guidance_scale: 4 },
      { prompt: 'x', num_images: 0 },
      { prompt: 'x', output_format: 'webp' },
      { prompt: 'x', enable_safety_checker: 'yes' },
    ];
    for (const body of bad) expect((await post(T2I, body)).status, JSON.stringify(body)).toBe(400);
    expect((await post(T2I, 'prompt=x', { headers: { 'content-type': 'text/plain' } })).status).toBe(400);
    expect(emu.createCount()).toBe(0);
  });

  it('422 SAFETY_CHECK_FAILED unless the checker is off', async () => {
    const res = await post(T2I, { prompt: 'some forbidden-content here' });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ success: false, error: { code: 'SAFETY_CHECK_FAILED', message: 'Prompt rejected by safety filter.' } });
    expect((await post(T2I, { prompt: 'some forbidden-content here', enable_safety_checker: false })).status).toBe(200);
  });

  it('402 INSUFFICIENT_CREDITS when the job costs more than is left', async () => {
    emu.setCredits(10);
    await createJob(); // 8
    expect(emu.credits()).toBe(2);
    const res = await post(T2I, { prompt: 'x' });
    expect(res.status).toBe(402);
    expect(((await res.json()) as Envelope).error?.code).toBe('INSUFFICIENT_CREDITS');
    await createJob({ prompt: 'small', image_size: { width: 256, height: 512 } }); // 1
    expect(emu.credits()).toBe(1);
  });

  it('404 JOB_NOT_FOUND for an unknown or another key’s job; 400 without jobId', async () => {
    const two = await startKvidEmulator({ apiKeys: [KEY, 'other_key'], jobDurationMs: 0 });
    try {
      const res = await post(T2I, { prompt: 'x' }, { on: two });
      const { data } = (await res.json()) as Envelope<{ job_id: string }>;
      expect((await get('status', data!.job_id, 'other_key', two)).status).toBe(404);
      expect((await get('result', 'img_nope', KEY, two)).status).toBe(404);
      expect((await fetch(`${two.url}/ai/generation/status`, { headers: { 'api-key': KEY } })).status).toBe(400);
    } finally {
      await two.close();
    }
  });

  it('429 RATE_LIMITED with Retry-After past the per-minute limit', async () => {
    const strict = await startKvidEmulator({ rateLimitPerMinute: 1 });
    try {
      expect((await get('status', 'img_x', KEY, strict)).status).toBe(404);
      const limited = await get('status', 'img_x', KEY, strict);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(((await limited.json()) as Envelope).error?.code).toBe('RATE_LIMITED');
    } finally {
      await strict.close();
    }
  });

  it.each([
    ['flat', (text: string) => expect(JSON.parse(text)).toEqual({ code: 'INVALID_PROMPT', message: 'prompt is required.' })],
    ['text', (text: string) => expect(text).toBe('INVALID_PROMPT: prompt is required.')],
  ] as const)('errorShape %s', async (shape, check) => {
    const other = await startKvidEmulator({ errorShape: shape } satisfies KvidEmulatorOptions);
    try {
      const res = await post(T2I, { prompt: '' }, { on: other });
      expect(res.status).toBe(400);
      check(await res.text());
    } finally {
      await other.close();
    }
  });
});

describe('kvid emulator: faults', () => {
  it('injected faults apply per route and are logged; an envelope with success:false can be injected under 200', async () => {
    const jobId = await createJob();
    emu.inject('result', { kind: 'status', status: 200, body: { success: false, error: { code: 'SERVER_ERROR', message: 'try later' } } });
    emu.inject('status', { kind: 'malformed-json' });
    expect(await (await get('status', jobId)).text()).toBe('{"status": "proc');
    expect(await (await get('result', jobId)).json()).toEqual({ success: false, error: { code: 'SERVER_ERROR', message: 'try later' } });
    expect(emu.requests('result')[0]).toMatchObject({ faulted: true });
    emu.inject('text-to-image', { kind: 'drop', afterHandling: true });
    await expect(post(T2I, { prompt: 'x' })).rejects.toThrow();
    expect(emu.createCount()).toBe(2);
  });
});
