// The Nano Banana emulator must answer the way the document says (and the way its header says
// where the document is silent), or every client test built on it proves nothing.
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRevidNanoBananaEmulator, type RevidNanoBananaEmulator } from './revid-nano-banana-emulator';

const KEY = 'sk_live_test';
let emu: RevidNanoBananaEmulator;

beforeEach(async () => {
  emu = await startRevidNanoBananaEmulator({ jobDurationMs: 200 });
});
afterEach(async () => {
  await emu.close();
});

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Envelope<T> {
  code: number;
  msg: string;
  data: T;
}
interface TaskData {
  taskId: string;
  model: string;
  state: string;
  param: string;
  resultJson: string | null;
  failCode: string | null;
  failMsg: string | null;
  costTime: number | null;
  completeTime: number | null;
  createTime: number;
}

function create(body: unknown, key: string | null = KEY, on: RevidNanoBananaEmulator = emu) {
  return fetch(`${on.url}/paid/nano/banana/create`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key === null ? {} : { 'x-api-key': key }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function createTask(body: unknown): Promise<string> {
  const res = await create(body);
  const json = (await res.json()) as Envelope<{ taskId: string }>;
  expect([res.status, json.code], JSON.stringify(json)).toEqual([200, 200]);
  return json.data.taskId;
}

const query = (taskId: string, key = KEY) => fetch(`${emu.url}/paid/get/taskid?taskId=${encodeURIComponent(taskId)}`, { method: 'POST', headers: { 'x-api-key': key } });

async function until(taskId: string): Promise<TaskData> {
  for (let i = 0; i < 100; i++) {
    const data = ((await (await query(taskId)).json()) as Envelope<TaskData>).data;
    if (data.state !== 'waiting') return data;
    await sleep(30);
  }
  throw new Error('task never finished');
}

describe('revid nano banana emulator: the documented flow', () => {
  it('create, query (waiting → success), download: resultJson is a JSON string of resultUrls', async () => {
    const taskId = await createTask({ model: 'nano-banana-pro', input: { prompt: 'a comic poster', aspect_ratio: '16:9', resolution: '2K', output_format: 'png' } });
    expect(taskId).toMatch(/^[0-9a-f]{32}$/);

    const first = (await (await query(taskId)).json()) as Envelope<TaskData>;
    expect(first).toMatchObject({ code: 200, msg: 'success', data: { taskId, model: 'nano-banana-pro', state: 'waiting', resultJson: null, failCode: null, failMsg: null, costTime: null } });
    // param echoes the complete create request, as a JSON string.
    expect(JSON.parse(first.data.param)).toEqual({ model: 'nano-banana-pro', input: { prompt: 'a comic poster', aspect_ratio: '16:9', resolution: '2K', output_format: 'png' } });

    const done = await until(taskId);
    expect(done.state).toBe('success');
    expect(typeof done.resultJson).toBe('string');
    const { resultUrls } = JSON.parse(done.resultJson!) as { resultUrls: string[] };
    expect(resultUrls).toHaveLength(1);
    expect(done.costTime).toBeGreaterThanOrEqual(0);

    const bytes = Buffer.from(await (await fetch(resultUrls[0]!)).arrayBuffer());
    expect(sha256(bytes)).toBe(emu.servedFiles()[0]!.sha256);
    expect(await sharp(bytes).metadata()).toMatchObject({ format: 'png', width: 352, height: 198 }); // 16:9 at 2K
    expect(emu.jobs()[0]).toMatchObject({ taskId, state: 'success', cost: 25, resultUrls });
  });

  it('reads image_size on the google models and serves JPEG for output_format jpg', async () => {
    const taskId = await createTask({ model: 'google/nano-banana', input: { prompt: 'a banana', image_size: '9:16', output_format: 'jpg' } });
    const { resultJson } = await until(taskId);
    const url = (JSON.parse(resultJson!) as { resultUrls: string[] }).resultUrls[0]!;
    expect(await sharp(Buffer.from(await (await fetch(url)).arrayBuffer())).metadata()).toMatchObject({ format: 'jpeg', width: 99, height: 176 });
  });

  it('records the references of edit (image_urls) and pro (image_input)', async () => {
    await createTask({ model: 'google/nano-banana-edit', input: { prompt: 'figure', image_urls: ['https://cdn.example/a.png'] } });
    await createTask({ model: 'nano-banana-pro', input: { prompt: 'mix', image_input: ['https://cdn.example/a.png', 'https://cdn.example/b.webp'] } });
    expect(emu.jobs().map((j) => [j.model, j.references])).toEqual([
      ['google/nano-banana-edit', ['https://cdn.example/a.png']],
      ['nano-banana-pro', ['https://cdn.example/a.png', 'https://cdn.example/b.webp']],
    ]);
  });

  it('a vendor-side failure reads state fail with failCode and failMsg', async () => {
    emu.failNextJobs(1, 'content policy violation', '400');
    const failed = await createTask({ model: 'google/nano-banana', input: { prompt: 'x' } });
    expect(await until(failed)).toMatchObject({ state: 'fail', failCode: '400', failMsg: 'content policy violation', resultJson: null });
  });
});

describe('revid nano banana emulator: documented errors', () => {
  it('401 for a wrong or missing x-api-key, Bearer included', async () => {
    for (const key of ['sk_live_wrong', null]) {
      const res = await create({ model: 'google/nano-banana', input: { prompt: 'x' } }, key);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ code: 401, msg: 'Authentication failed, please check API Key', data: null });
    }
    const bearer = await fetch(`${emu.url}/paid/nano/banana/create`, { method: 'POST', headers: { authorization: `Bearer ${KEY}` }, body: '{}' });
    expect(bearer.status).toBe(401);
    expect(emu.createCount()).toBe(0);
  });

  it('errorStyle body answers HTTP 200 with the error in code', async () => {
    emu.setErrorStyle('body');
    const res = await create({ model: 'google/nano-banana', input: { prompt: 'x' } }, 'sk_live_wrong');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ code: 401, data: null });
  });

  it('400 for a malformed body or unknown model, 422 for values the document rules out', async () => {
    const cases: [unknown, number, RegExp][] = [
      ['{"model": "goo', 400, /JSON/],
      [{ input: { prompt: 'x' } }, 400, /model is required/],
      [{ model: 'dall-e-9', input: { prompt: 'x' } }, 400, /unknown model/],
      [{ model: 'google/nano-banana' }, 400, /input is required/],
      [{ model: 'google/nano-banana', input: { prompt: 'x'.repeat(10_001) } }, 422, /10000/],
      [{ model: 'google/nano-banana', input: { prompt: 'x', image_size: '7:3' } }, 422, /image_size/],
      [{ model: 'google/nano-banana', input: { prompt: 'x', aspect_ratio: '1:1' } }, 422, /does not take "aspect_ratio"/],
      [{ model: 'google/nano-banana', input: { prompt: 'x', resolution: '2K' } }, 422, /does not take "resolution"/],
      [{ model: 'nano-banana-pro', input: { prompt: 'x', resolution: '2k' } }, 422, /1K, 2K or 4K/],
      [{ model: 'nano-banana-pro', input: { prompt: 'x', image_urls: ['https://a/b.png'] } }, 422, /does not take "image_urls"/],
      [{ model: 'nano-banana-pro', input: { prompt: 'x', image_input: Array.from({ length: 9 }, (_, i) => `https://a/${i}.png`) } }, 422, /at most 8/],
      [{ model: 'nano-banana-pro', input: { prompt: 'x', image_input: ['https://a/notes.txt'] } }, 422, /\.txt/],
      [{ model: 'nano-banana-pro', input: { prompt: 'x', output_format: 'gif' } }, 422, /png or jpg/],
      [{ model: 'google/nano-banana-edit', input: { prompt: 'x' } }, 422, /at least one/],
    ];
    for (const [body, status, message] of cases) {
      const res = await create(body);
      const json = (await res.json()) as Envelope<null>;
      expect([res.status, json.code], JSON.stringify(body).slice(0, 80)).toEqual([status, status]);
      expect(json.msg).toMatch(message);
    }
    expect(emu.createCount()).toBe(0);
  });

  it('402 when the balance is short, charging the documented price', async () => {
    emu.setCredits(35 + 8);
    await createTask({ model: 'nano-banana-pro', input: { prompt: 'x', resolution: '4K' } });
    await createTask({ model: 'google/nano-banana', input: { prompt: 'x' } });
    expect(emu.credits()).toBe(0);
    const res = await create({ model: 'google/nano-banana', input: { prompt: 'x' } });
    expect(res.status).toBe(402);
    expect(emu.createCount()).toBe(2);
  });

  it('query: 400 without taskId, 404 for an unknown task, or another key’s task; the Usage Flow path is 404', async () => {
    expect((await fetch(`${emu.url}/paid/get/taskid`, { method: 'POST', headers: { 'x-api-key': KEY } })).status).toBe(400);
    const res = await query('nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 404, msg: /Resource not found/ });
    const other = await startRevidNanoBananaEmulator({ apiKeys: [KEY, 'sk_other'] });
    try {
      const body = (await (await create({ model: 'google/nano-banana', input: { prompt: 'x' } }, KEY, other)).json()) as Envelope<{ taskId: string }>;
      expect((await fetch(`${other.url}/paid/get/taskid?taskId=${body.data.taskId}`, { method: 'POST', headers: { 'x-api-key': 'sk_other' } })).status).toBe(404);
    } finally {
      await other.close();
    }
    expect((await fetch(`${emu.url}/paid/banana/pro/create`, { method: 'POST', headers: { 'x-api-key': KEY }, body: '{}' })).status).toBe(404);
  });

  it('429 with Retry-After past a configured limit', async () => {
    const strict = await startRevidNanoBananaEmulator({ rateLimitPerMinute: 1 });
    try {
      const q = () => fetch(`${strict.url}/paid/get/taskid?taskId=x`, { method: 'POST', headers: { 'x-api-key': KEY } });
      expect((await q()).status).toBe(404);
      const limited = await q();
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    } finally {
      await strict.close();
    }
  });

  it('base faults apply to its routes', async () => {
    emu.inject('create', { kind: 'drop', afterHandling: true });
    await expect(create({ model: 'google/nano-banana', input: { prompt: 'x' } })).rejects.toThrow();
    expect(emu.createCount()).toBe(1);
    emu.inject('status', { kind: 'malformed-json' });
    const res = await query(emu.jobs()[0]!.taskId);
    expect(res.status).toBe(200);
    await expect(res.json()).rejects.toThrow();
  });
});
