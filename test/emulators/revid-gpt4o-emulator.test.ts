// The gpt4o emulator must follow the document and fail the way a test scripts it to, or every
// client test built on it proves nothing.
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makePng } from './png-factory';
import { startRevidGpt4oEmulator, type RevidGpt4oEmulator, type RevidGpt4oEmulatorOptions } from './revid-gpt4o-emulator';

const KEY = 'sk_live_test';
let emu: RevidGpt4oEmulator;
const extra: RevidGpt4oEmulator[] = [];

beforeEach(async () => {
  emu = await startRevidGpt4oEmulator({ jobDurationMs: 250 });
});
afterEach(async () => {
  await Promise.all([emu, ...extra.splice(0)].map((e) => e.close()));
});

async function another(options: RevidGpt4oEmulatorOptions): Promise<RevidGpt4oEmulator> {
  const e = await startRevidGpt4oEmulator(options);
  extra.push(e);
  return e;
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Envelope<T = unknown> {
  code: number;
  msg: string;
  data: T;
}
interface TaskData {
  taskId: string;
  status: string;
  successFlag: number;
  progress: string;
  response: { resultUrls: string[] } | null;
  errorCode: number | null;
  errorMessage: string | null;
  paramJson: string;
}

function create(body: unknown, options: { key?: string | null; on?: RevidGpt4oEmulator; headers?: Record<string, string> } = {}) {
  const key = options.key === undefined ? KEY : options.key;
  return fetch(`${(options.on ?? emu).url}/paid/gpt4o-image/generate`, {
    method: 'POST',
    headers: { ...(key === null ? {} : { 'x-api-key': key }), 'content-type': 'application/json', ...options.headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const info = (taskId: string, options: { key?: string; on?: RevidGpt4oEmulator } = {}) =>
  fetch(`${(options.on ?? emu).url}/paid/gpt4o-image/info?taskId=${encodeURIComponent(taskId)}`, { method: 'POST', headers: { 'x-api-key': options.key ?? KEY } });

async function createTask(body: Record<string, unknown> = { prompt: 'a cat', size: '1:1' }, on = emu): Promise<string> {
  const res = await create(body, { on });
  const json = (await res.json()) as Envelope<{ taskId: string }>;
  expect(res.status, JSON.stringify(json)).toBe(200);
  return json.data.taskId;
}

async function pollUntilDone(taskId: string, on = emu): Promise<TaskData> {
  for (let i = 0; i < 100; i++) {
    const res = await info(taskId, { on });
    if (res.status === 429) {
      await sleep(350);
      continue;
    }
    const json = (await res.json()) as Envelope<TaskData>;
    if (json.data.status !== 'GENERATING') return json.data;
    await sleep(350);
  }
  throw new Error('task never finished');
}

describe('revid gpt4o emulator: the documented flow', () => {
  it('create, info, download: nVariants PNGs of the asked shape whose sha256 servedFiles reports', async () => {
    const taskId = await createTask({ prompt: 'a lighthouse', size: '3:2', nVariants: 2, isEnhance: true, callBackUrl: 'https://cb.example/x' });
    const first = (await (await info(taskId)).json()) as Envelope<TaskData>;
    expect(first).toMatchObject({ code: 200, msg: 'success', data: { taskId, status: 'GENERATING', successFlag: 0, response: null } });
    expect(first.data.progress).toMatch(/^0\.\d\d$/);
    expect(JSON.parse(first.data.paramJson)).toMatchObject({ prompt: 'a lighthouse', size: '3:2', isEnhance: true });

    const done = await pollUntilDone(taskId);
    expect(done).toMatchObject({ status: 'SUCCESS', successFlag: 1, progress: '1.00', errorCode: null });
    expect(done.response?.resultUrls).toHaveLength(2);
    const served = emu.servedFiles();
    for (const url of done.response!.resultUrls) {
      const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
      expect(served.map((s) => s.sha256)).toContain(sha256(bytes));
      expect(await sharp(bytes).metadata()).toMatchObject({ format: 'png', width: 192, height: 128 });
    }
    expect(new Set(served.map((s) => s.sha256)).size).toBe(2);
    expect(emu.jobs()[0]).toMatchObject({ id: taskId, size: '3:2', nVariants: 2, state: 'SUCCESS' });
    expect(emu.creditsSpent()).toBe(20);
    expect(emu.createCount()).toBe(1);
  });

  it('reads references from its own store, and an edit differs from text-to-image', async () => {
    const ref = emu.putFile(await makePng({ width: 32, height: 32, seedText: 'ref' }), 'image/png');
    const edit = await createTask({ prompt: 'same', size: '2:3', filesUrl: [ref.url] });
    const plain = await createTask({ prompt: 'same', size: '2:3' });
    const [a, b] = await Promise.all([pollUntilDone(edit), pollUntilDone(plain)]);
    const [pa, pb] = await Promise.all([a, b].map(async (t) => Buffer.from(await (await fetch(t.response!.resultUrls[0]!)).arrayBuffer())));
    expect(await sharp(pa!).metadata()).toMatchObject({ width: 128, height: 192 });
    expect((await sharp(pa!).raw().toBuffer()).equals(await sharp(pb!).raw().toBuffer())).toBe(false);
    expect(emu.jobs()[0]?.filesUrl).toEqual([ref.url]);
  });

  it('ignores a mask beside several files, as documented, and records that it did', async () => {
    await createTask({ prompt: 'x', size: '1:1', filesUrl: ['https://a.example/1.png', 'https://a.example/2.png'], maskUrl: 'https://a.example/m.png' });
    await createTask({ prompt: 'x', size: '1:1', filesUrl: ['https://a.example/1.png'], maskUrl: 'https://a.example/m.png' });
    expect(emu.jobs().map((j) => j.maskIgnored)).toEqual([true, false]);
  });

  it('scripted failures read GENERATE_FAILED or CREATE_TASK_FAILED with errorMessage and errorCode', async () => {
    emu.failNextJobs(1, 'Your prompt was flagged');
    emu.failNextJobs(1, 'upstream refused', { stage: 'create', errorCode: 500 });
    const generate = await createTask();
    const createFailed = await createTask();
    const fine = await createTask();
    expect((await (await info(createFailed)).json()) as Envelope<TaskData>).toMatchObject({ data: { status: 'CREATE_TASK_FAILED', successFlag: 2, errorCode: 500, errorMessage: 'upstream refused' } });
    expect(await pollUntilDone(generate)).toMatchObject({ status: 'GENERATE_FAILED', successFlag: 3, errorCode: 400, errorMessage: 'Your prompt was flagged' });
    expect((await pollUntilDone(fine)).status).toBe('SUCCESS');
  });
});

describe('revid gpt4o emulator: documented errors', () => {
  it('401 without x-api-key (a Bearer header is not enough) or with a wrong one', async () => {
    const bearer = await create({ prompt: 'x', size: '1:1' }, { key: null, headers: { authorization: `Bearer ${KEY}` } });
    expect(bearer.status).toBe(401);
    expect(await bearer.json()).toEqual({ code: 401, msg: 'Unauthorized - Authentication credentials are missing or invalid', data: null });
    expect((await create({ prompt: 'x', size: '1:1' }, { key: 'sk_wrong' })).status).toBe(401);
    expect((await info('t', { key: 'sk_wrong' })).status).toBe(401);
    expect(emu.createCount()).toBe(0);
  });

  it('422 for every parameter the document constrains', async () => {
    const cases: [unknown, RegExp][] = [
      [{ prompt: 'x' }, /size is required/],
      [{ prompt: 'x', size: '16:9' }, /size must be one of/],
      [{ size: '1:1' }, /prompt or filesUrl/],
      [{ prompt: 'x', size: '1:1', nVariants: 3 }, /nVariants/],
      [{ prompt: 'x', size: '1:1', filesUrl: Array.from({ length: 6 }, (_, i) => `https://a.example/${i}.png`) }, /at most 5/],
      [{ prompt: 'x', size: '1:1', filesUrl: ['not a url'] }, /filesUrl/],
      [{ prompt: 'x', size: '1:1', isEnhance: 'yes' }, /isEnhance must be a boolean/],
      [{ prompt: 'x', size: '1:1', fallbackModel: 'DALL_E' }, /fallbackModel/],
      [{ prompt: 'x', size: '1:1', maskUrl: 'mask.png' }, /maskUrl/],
      ['{"prompt": "x", "si', /JSON/],
    ];
    for (const [body, msg] of cases) {
      const res = await create(body);
      const json = (await res.json()) as Envelope;
      expect([res.status, json.code, json.data]).toEqual([422, 422, null]);
      expect(json.msg).toMatch(msg);
    }
    expect(emu.createCount()).toBe(0);
  });

  it('451 when a reference cannot be fetched; 400 when it is not an image', async () => {
    const blocked = await another({ unreachableHosts: ['private.example'] });
    const res = await create({ prompt: 'x', size: '1:1', filesUrl: ['https://private.example/a.png'] }, { on: blocked });
    expect(res.status).toBe(451);
    expect(((await res.json()) as Envelope).msg).toMatch(/Failed to fetch the image/);
    expect((await create({ prompt: 'x', size: '1:1', filesUrl: [`${emu.url}/files/missing.png`] })).status).toBe(451);
    const text = emu.putFile(Buffer.from('shopping list'), 'text/plain', { ext: 'txt' });
    const notImage = await create({ prompt: 'x', size: '1:1', filesUrl: [text.url] });
    expect(notImage.status).toBe(400);
    expect(emu.createCount()).toBe(0);
  });

  it('422 record is null for unknown tasks, within 14 days for expired ones, taskId required', async () => {
    const unknown = (await (await info('nope')).json()) as Envelope;
    expect(unknown).toEqual({ code: 422, msg: 'record is null', data: null });
    const taskId = await createTask();
    emu.expireTask(taskId);
    expect(((await (await info(taskId)).json()) as Envelope).msg).toBe('Temporarily supports records within 14 days');
    const none = await fetch(`${emu.url}/paid/gpt4o-image/info`, { method: 'POST', headers: { 'x-api-key': KEY } });
    expect(none.status).toBe(422);
    expect((await fetch(`${emu.url}/paid/gpt4o-image/info?taskId=x`, { headers: { 'x-api-key': KEY } })).status).toBe(405);
  });

  it('455 while in maintenance', async () => {
    emu.setMaintenance(true);
    const res = await create({ prompt: 'x', size: '1:1' });
    expect([res.status, ((await res.json()) as Envelope).code]).toEqual([455, 455]);
    emu.setMaintenance(false);
    expect((await create({ prompt: 'x', size: '1:1' })).status).toBe(200);
  });

  it('errorTransport body: errors arrive as HTTP 200 with the code in the body', async () => {
    const quiet = await another({ errorTransport: 'body' });
    const res = await create({ prompt: 'x', size: '1:1' }, { key: 'sk_wrong', on: quiet });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ code: 401, data: null });
  });

  it('answers 429 past 3 info queries per second for one task, and the peak helper sees it', async () => {
    const taskId = await createTask();
    const other = await createTask();
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await info(taskId)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await info(other)).status).toBe(200);
    expect((await info(taskId)).headers.get('retry-after')).toBe('1');
    expect(emu.peakQueriesPerTask()).toEqual({ taskId, count: 5 });
    await sleep(1000);
    expect((await info(taskId)).status).toBe(200);
  });
});

describe('base faults on gpt4o routes', () => {
  it('inject, drop after handling, and expiring result URLs', async () => {
    emu.inject('info', { kind: 'status', status: 500, body: { code: 500, msg: 'Timeout Internal Error, Please try again later.' } });
    const taskId = await createTask();
    expect((await info(taskId)).status).toBe(500);
    emu.inject('create', { kind: 'drop', afterHandling: true });
    await expect(create({ prompt: 'y', size: '1:1' })).rejects.toThrow();
    expect(emu.createCount()).toBe(2);
    const done = await pollUntilDone(taskId);
    emu.expireFiles();
    expect((await fetch(done.response!.resultUrls[0]!)).status).toBe(403);
  });
});
