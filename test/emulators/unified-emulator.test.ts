// The unified v2 emulator must follow the document (and the choices written at its top) and fail
// the way a test scripts it to, or every client test built on it proves nothing.
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startUnifiedEmulator, type UnifiedEmulator, type UnifiedEmulatorOptions, type UnifiedResultShape } from './unified-emulator';

const KEY = 'sk_unified_test';
let emu: UnifiedEmulator;

beforeEach(async () => {
  emu = await startUnifiedEmulator({ jobDurationMs: 200 });
});
afterEach(async () => {
  await emu.close();
});

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

function create(body: unknown, options: { key?: string | null; idempotencyKey?: string; on?: UnifiedEmulator } = {}) {
  const key = options.key === undefined ? KEY : options.key;
  return fetch(`${(options.on ?? emu).url}/v2/images/generate`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key === null ? {} : { authorization: `Bearer ${key}` }),
      ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function createJob(body: unknown = { prompt: 'a lighthouse', model: 'imagen-4' }, on = emu, idempotencyKey?: string): Promise<string> {
  const res = await create(body, { on, ...(idempotencyKey ? { idempotencyKey } : {}) });
  expect(res.status).toBe(202);
  const answer = (await res.json()) as { jobId: string; status: string };
  expect(answer.status).toBe('QUEUED');
  return answer.jobId;
}

const poll = (jobId: string, on = emu, key = KEY) => fetch(`${on.url}/v2/jobs/${jobId}`, { headers: { authorization: `Bearer ${key}` } });

async function pollUntilDone(jobId: string, on = emu): Promise<Record<string, unknown>> {
  for (let i = 0; i < 100; i++) {
    const body = (await (await poll(jobId, on)).json()) as Record<string, unknown>;
    const status = (body.status ?? (body.data as { status?: string } | undefined)?.status) as string;
    if (status === 'COMPLETED' || status === 'FAILED') return body;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('job never finished');
}

describe('unified v2 emulator: the documented flow', () => {
  it('create answers 202 QUEUED; the job goes QUEUED → PROCESSING → COMPLETED with a downloadable PNG', async () => {
    // A QUEUED window long enough that the first poll sees it even on a busy machine.
    await emu.close();
    emu = await startUnifiedEmulator({ jobDurationMs: 1500, queuedMs: 700 });
    const jobId = await createJob({ prompt: 'a lighthouse', model: 'flux-2-pro', parameters: { aspect_ratio: '16:9' } });
    const first = (await (await poll(jobId)).json()) as { status: string; progress: number; result: null };
    expect(first).toMatchObject({ jobId, status: 'QUEUED', progress: 0, result: null });
    const seen = new Set<string>();
    let done: Record<string, unknown> = {};
    for (let i = 0; i < 200 && !['COMPLETED', 'FAILED'].includes(done.status as string); i++) {
      done = (await (await poll(jobId)).json()) as Record<string, unknown>;
      seen.add(done.status as string);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(seen.has('PROCESSING')).toBe(true);
    expect(done).toMatchObject({ status: 'COMPLETED', progress: 100, creditCost: 1 });
    const url = (done.result as { images: string[] }).images[0]!;
    const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
    expect(sha256(bytes)).toBe(emu.servedFiles()[0]!.sha256);
    expect(await sharp(bytes).metadata()).toMatchObject({ format: 'png', width: 224, height: 126 });
    expect(emu.jobs()[0]).toMatchObject({ id: jobId, model: 'flux-2-pro', parameters: { aspect_ratio: '16:9' }, state: 'COMPLETED', resultUrls: [url] });
  });

  it.each<[UnifiedResultShape, (body: Record<string, unknown>) => unknown]>([
    ['images', (b) => (b.images as { url: string }[])[0]?.url],
    ['output.images', (b) => (b.output as { images: string[] }).images[0]],
    ['result.urls', (b) => (b.result as { urls: string[] }).urls[0]],
    ['resultUrls', (b) => (b.resultUrls as string[])[0]],
    ['imageUrls', (b) => (b.imageUrls as string[])[0]],
    ['data', (b) => (b.data as { images: { url: string }[] }).images[0]?.url],
    ['result-string', (b) => b.result],
  ])('puts the pictures where resultShape %s says', async (resultShape, pick) => {
    const other = await startUnifiedEmulator({ jobDurationMs: 0, resultShape, imagesPerJob: 2 });
    try {
      const done = await pollUntilDone(await createJob(undefined, other), other);
      expect(pick(done)).toBe(other.servedFiles()[0]!.url);
      expect(other.servedFiles()).toHaveLength(2);
    } finally {
      await other.close();
    }
  });

  it('a vendor-side failure reads FAILED with the reason', async () => {
    emu.failNextJobs(1, 'content policy violation');
    const done = await pollUntilDone(await createJob());
    expect(done).toMatchObject({ status: 'FAILED', error: 'content policy violation', result: null });
  });

  it('serves the jobs endpoint where jobsPath says', async () => {
    const other = await startUnifiedEmulator({ jobDurationMs: 0, jobsPath: '/v2/tasks/:jobId' });
    try {
      const jobId = await createJob(undefined, other);
      expect((await fetch(`${other.url}/v2/tasks/${jobId}`, { headers: { authorization: `Bearer ${KEY}` } })).status).toBe(200);
      expect((await poll(jobId, other)).status).toBe(404);
    } finally {
      await other.close();
    }
  });
});

describe('unified v2 emulator: Idempotency-Key', () => {
  it('the same key and body replays the first answer without a second job or charge', async () => {
    emu.setCredits(5);
    const body = { prompt: 'x', model: 'imagen-4' };
    const a = await createJob(body, emu, 'key-1');
    const b = await createJob(body, emu, 'key-1');
    expect(b).toBe(a);
    expect(emu.createCount()).toBe(1);
    expect(emu.replayCount()).toBe(1);
    expect(emu.credits()).toBe(4);
    expect(await createJob(body, emu, 'key-2')).not.toBe(a);
    expect(emu.createCount()).toBe(2);
  });

  it('the same key with another body is a 400', async () => {
    await createJob({ prompt: 'x', model: 'imagen-4' }, emu, 'key-1');
    const res = await create({ prompt: 'y', model: 'imagen-4' }, { idempotencyKey: 'key-1' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'Validation error', details: [{ field: 'Idempotency-Key' }] });
  });

  it('a create whose answer was dropped made the job, and resending with the key finds it', async () => {
    emu.inject('create', { kind: 'drop', afterHandling: true });
    await expect(create({ prompt: 'x', model: 'imagen-4' }, { idempotencyKey: 'k' })).rejects.toThrow();
    expect(emu.createCount()).toBe(1);
    const again = await createJob({ prompt: 'x', model: 'imagen-4' }, emu, 'k');
    expect(again).toBe(emu.jobs()[0]!.id);
    expect(emu.createCount()).toBe(1);
  });
});

describe('unified v2 emulator: documented errors', () => {
  it('401 for a wrong or missing key', async () => {
    for (const key of ['sk_wrong', null]) {
      const res = await create({ prompt: 'x', model: 'imagen-4' }, { key });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'Unauthorized', message: 'Missing or invalid API key' });
    }
    expect((await poll('nope', emu, 'sk_wrong')).status).toBe(401);
    expect(emu.createCount()).toBe(0);
  });

  it('400 with details for each invalid field', async () => {
    const cases: [unknown, string][] = [
      [{ model: 'imagen-4' }, 'prompt'],
      [{ prompt: 'x'.repeat(2001), model: 'imagen-4' }, 'prompt'],
      [{ prompt: 'x', model: 'dall-e-9' }, 'model'],
      [{ prompt: 'x', model: 'imagen-4', imageUrls: ['https://a.example/1.png'] }, 'imageUrls'],
      [{ prompt: 'x', model: 'flux-2-pro', imageUrls: ['file:///etc/passwd'] }, 'imageUrls'],
      [{ prompt: 'x', model: 'imagen-4', parameters: [1] }, 'parameters'],
      [{ prompt: 'x', model: 'imagen-4', webhookEvents: ['done'] }, 'webhookEvents'],
      ['not json', 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await create(body);
      expect(res.status).toBe(400);
      const answer = (await res.json()) as { error: string; details: { field: string }[] };
      expect(answer.error).toBe('Validation error');
      expect(answer.details.map((d) => d.field)).toContain(field);
    }
    expect((await create({ prompt: 'x'.repeat(2000), model: 'flux-2-pro', imageUrls: ['https://a.example/1.png'] })).status).toBe(202);
  });

  it('402 when credits run out; 503 while the queue is down', async () => {
    const broke = await startUnifiedEmulator({ credits: 1 } satisfies UnifiedEmulatorOptions);
    try {
      await createJob(undefined, broke);
      const res = await create({ prompt: 'x', model: 'imagen-4' }, { on: broke });
      expect(res.status).toBe(402);
      expect(await res.json()).toMatchObject({ error: 'Insufficient credits' });
    } finally {
      await broke.close();
    }
    emu.setQueueDown(true);
    const down = await create({ prompt: 'x', model: 'imagen-4' });
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ error: 'Service unavailable' });
    emu.setQueueDown(false);
    expect((await create({ prompt: 'x', model: 'imagen-4' })).status).toBe(202);
  });

  it('404 for an unknown job or another key’s job', async () => {
    const other = await startUnifiedEmulator({ apiKeys: [KEY, 'sk_other'] });
    try {
      const jobId = await createJob(undefined, other);
      expect((await poll(jobId, other, 'sk_other')).status).toBe(404);
      expect((await poll('nope', other)).status).toBe(404);
    } finally {
      await other.close();
    }
  });

  it('base faults apply to its routes', async () => {
    emu.inject('create', { kind: 'status', status: 503 });
    expect((await create({ prompt: 'x', model: 'imagen-4' })).status).toBe(503);
    const jobId = await createJob();
    emu.inject('status', { kind: 'malformed-json' });
    const garbled = await (await poll(jobId)).text();
    expect(() => JSON.parse(garbled)).toThrow();
    expect(emu.requests('create')).toHaveLength(2);
  });
});
