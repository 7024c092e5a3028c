import { describe, expect, it } from 'vitest';
import { revidNanoBananaAdapter as adapter } from '../../../electron/core/providers/revid-nano-banana/revid-nano-banana-adapter';
import type { VendorResponse } from '../../../electron/core/http/request-spec';
import type { ResolvedReference } from '../../../electron/core/providers/provider-adapter';
import { validateRequest } from '../../../electron/core/requests/validate-request';
import { GenerationRequestSchema, type GenerationRequestInput } from '../../../shared/domain';

const ctx = { baseUrl: 'https://api.example', apiKey: 'sk_live_test', idempotencyKey: 'k' };
const res = (status: number, body: unknown, headers: Record<string, string> = {}): VendorResponse => ({
  status,
  headers,
  text: typeof body === 'string' ? body : JSON.stringify(body),
});
const request = (input: Omit<GenerationRequestInput, 'provider'>) => GenerationRequestSchema.parse({ provider: 'revid-nano-banana', ...input });
const urls = (...list: string[]): ResolvedReference[] => list.map((url) => ({ kind: 'url', url }));
const bodyOf = (spec: ReturnType<typeof adapter.buildCreate>) => (spec.body.kind === 'json' ? spec.body.value : null);

describe('revid nano banana adapter: create', () => {
  it('posts JSON { model, input } to /paid/nano/banana/create with x-api-key, image_size on google/nano-banana', () => {
    const spec = adapter.buildCreate(request({ model: 'google/nano-banana', prompt: 'a banana in space', aspectRatio: '16:9', params: { output_format: 'jpg' } }), [], ctx);
    expect(spec.method).toBe('POST');
    expect(spec.url).toBe('https://api.example/paid/nano/banana/create');
    expect(spec.headers['x-api-key']).toBe('sk_live_test');
    expect(spec.headers.authorization).toBeUndefined();
    expect(bodyOf(spec)).toEqual({ model: 'google/nano-banana', input: { prompt: 'a banana in space', image_size: '16:9', output_format: 'jpg' } });
  });

  it('sends edit references as image_urls, with image_size', () => {
    const spec = adapter.buildCreate(request({ model: 'google/nano-banana-edit', prompt: 'a figure', aspectRatio: '1:1' }), urls('https://cdn.example/a.png', 'https://cdn.example/b.jpg'), ctx);
    expect(bodyOf(spec)).toEqual({ model: 'google/nano-banana-edit', input: { prompt: 'a figure', image_size: '1:1', image_urls: ['https://cdn.example/a.png', 'https://cdn.example/b.jpg'] } });
  });

  it('sends pro references as image_input, with aspect_ratio and resolution', () => {
    const spec = adapter.buildCreate(request({ model: 'nano-banana-pro', prompt: 'a poster', aspectRatio: '21:9', resolution: '4K', params: { output_format: 'png' } }), urls('https://cdn.example/a.webp'), ctx);
    expect(bodyOf(spec)).toEqual({ model: 'nano-banana-pro', input: { prompt: 'a poster', aspect_ratio: '21:9', resolution: '4K', output_format: 'png', image_input: ['https://cdn.example/a.webp'] } });
  });

  it('leaves unchosen fields to the vendor defaults and never sends callBackUrl', () => {
    const spec = adapter.buildCreate(request({ model: 'nano-banana-pro', prompt: 'x' }), [], ctx);
    expect(bodyOf(spec)).toEqual({ model: 'nano-banana-pro', input: { prompt: 'x' } });
  });

  it('refuses a local file (the API takes URLs only) and references on the text-only model', () => {
    const file: ResolvedReference = { kind: 'file', path: '/tmp/a.png', filename: 'a.png', contentType: 'image/png', bytes: 10 };
    expect(() => adapter.buildCreate(request({ model: 'nano-banana-pro', prompt: 'x' }), [file], ctx)).toThrow(/public URL/);
    expect(() => adapter.buildCreate(request({ model: 'google/nano-banana', prompt: 'x' }), urls('https://a/b.png'), ctx)).toThrow(/text only/);
  });

  it('reads data.taskId; a success without one is an unknown outcome', () => {
    expect(adapter.parseCreate(res(200, { code: 200, msg: 'success', data: { taskId: '281e5b0f39b9' } }))).toEqual({ vendorJobId: '281e5b0f39b9' });
    expect(adapter.parseCreate(res(200, { code: '200', data: { task_id: 'abc' } }))).toEqual({ vendorJobId: 'abc' });
    expect(() => adapter.parseCreate(res(200, { code: 200, msg: 'success', data: null }))).toThrow(expect.objectContaining({ code: 'BAD_RESPONSE', delivery: 'unknown' }));
    expect(() => adapter.parseCreate(res(200, '{"code": 2'))).toThrow(expect.objectContaining({ code: 'BAD_RESPONSE', retry: 'transient' }));
  });

  it.each([
    [401, 'AUTH_FAILED', 'final'],
    [402, 'INSUFFICIENT_CREDITS', 'final'],
    [422, 'INVALID_INPUT', 'final'],
    [429, 'RATE_LIMITED', 'transient'],
    [500, 'VENDOR_ERROR', 'transient'],
  ] as const)('a body code %i under HTTP 200 is %s, like the HTTP status', (code, easelCode, retry) => {
    const answer = res(200, { code, msg: 'vendor words', data: null });
    expect(() => adapter.parseCreate(answer)).toThrow(expect.objectContaining({ code: easelCode, retry, status: code, delivery: 'answered' }));
    expect(() => adapter.parsePoll(answer)).toThrow(expect.objectContaining({ code: easelCode, retry }));
  });
});

describe('revid nano banana adapter: task query', () => {
  const task = (data: Record<string, unknown>) => res(200, { code: 200, msg: 'success', data: { taskId: 't1', model: 'nano-banana-pro', param: '{}', createTime: 1757584164490, ...data } });

  it('POSTs /paid/get/taskid?taskId=… with x-api-key and no body', () => {
    const spec = adapter.buildPoll('281e5b0/f39b9', ctx);
    expect(spec).toEqual({
      method: 'POST',
      url: 'https://api.example/paid/get/taskid?taskId=281e5b0%2Ff39b9',
      headers: { 'x-api-key': 'sk_live_test', accept: 'application/json' },
      body: { kind: 'none' },
    });
  });

  it('waiting (and undocumented in-between states) is running', () => {
    expect(adapter.parsePoll(task({ state: 'waiting', resultJson: null, failCode: null, failMsg: null }))).toEqual({ kind: 'running' });
    expect(adapter.parsePoll(task({ state: 'generating' }))).toEqual({ kind: 'running' });
    expect(adapter.parsePoll(task({ state: 'queuing', progress: 40 }))).toEqual({ kind: 'running', progress: 0.4 });
  });

  it('success parses resultJson, a JSON string, into the picture URLs', () => {
    const resultJson = JSON.stringify({ resultUrls: ['https://static.example/1.png', 'https://static.example/2.png'] });
    expect(adapter.parsePoll(task({ state: 'success', resultJson, costTime: 8123, completeTime: 1 }))).toEqual({
      kind: 'succeeded',
      images: [{ url: 'https://static.example/1.png' }, { url: 'https://static.example/2.png' }],
    });
    // Tolerated: resultJson already an object.
    expect(adapter.parsePoll(task({ state: 'success', resultJson: { resultUrls: ['https://s/x.png'] } }))).toEqual({ kind: 'succeeded', images: [{ url: 'https://s/x.png' }] });
  });

  it('success without a readable URL fails with the answer kept as detail', () => {
    for (const resultJson of [null, '', '{"resultUrls": []}', '{"resultObject": {}}', '{"resultUrls": [']) {
      const outcome = adapter.parsePoll(task({ state: 'success', resultJson }));
      expect(outcome.kind).toBe('failed');
      if (outcome.kind === 'failed') {
        expect(outcome.error.code).toBe('BAD_RESPONSE');
        expect(outcome.error.detail).toContain('"state":"success"');
      }
    }
  });

  it('fail carries failMsg into the message and failCode into the detail', () => {
    const outcome = adapter.parsePoll(task({ state: 'fail', failCode: '400', failMsg: 'Your prompt was flagged' }));
    expect(outcome.kind).toBe('failed');
    if (outcome.kind !== 'failed') return;
    expect(outcome.error).toMatchObject({ code: 'VENDOR_FAILED', retry: 'final' });
    expect(outcome.error.message).toBe('revid Nano Banana could not make this picture: Your prompt was flagged');
    expect(outcome.error.detail).toContain('failCode 400');
    const silent = adapter.parsePoll(task({ state: 'fail', failCode: 500, failMsg: null }));
    expect(silent.kind === 'failed' && silent.error.message).toMatch(/no reason given \(failCode 500\)/);
  });

  it('a garbled or shapeless answer is a transient fault, not a crash', () => {
    expect(() => adapter.parsePoll(res(200, '{"code": 200, "da'))).toThrow(expect.objectContaining({ code: 'BAD_RESPONSE', retry: 'transient' }));
    expect(() => adapter.parsePoll(res(200, { code: 200, data: { taskId: 't1' } }))).toThrow(expect.objectContaining({ code: 'BAD_RESPONSE', retry: 'transient' }));
  });

  it('a body 404 while polling says the task is gone, finally', () => {
    expect(() => adapter.parsePoll(res(200, { code: 404, msg: 'Resource not found', data: null }))).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', retry: 'final', message: expect.stringMatching(/no longer knows this task/) }),
    );
  });
});

describe('revid nano banana adapter: errors', () => {
  it.each([
    [400, 'INVALID_INPUT', 'final'],
    [401, 'AUTH_FAILED', 'final'],
    [402, 'INSUFFICIENT_CREDITS', 'final'],
    [404, 'NOT_FOUND', 'final'],
    [422, 'INVALID_INPUT', 'final'],
    [429, 'RATE_LIMITED', 'transient'],
    [500, 'VENDOR_ERROR', 'transient'],
  ] as const)('HTTP %i is %s (%s) with a message that names the vendor', (status, code, retry) => {
    const error = adapter.mapError(res(status, { code: status, msg: 'vendor words', data: null }, { 'retry-after': '2' }), 'create');
    expect(error.code).toBe(code);
    expect(error.retry).toBe(retry);
    expect(error.status).toBe(status);
    expect(error.message).toMatch(/^(Your )?revid Nano Banana /);
    expect(error.message).not.toContain('sk_live');
    expect(error.detail).toContain('vendor words');
    if (status === 429) expect(error.retryAfterMs).toBe(2000);
  });

  it('says what went wrong: the key, credits, which parameter, the base URL', () => {
    expect(adapter.mapError(res(401, {}), 'create')).toMatchObject({ code: 'AUTH_FAILED', message: 'revid Nano Banana rejected the API key (401).' });
    expect(adapter.mapError(res(402, {}), 'create').message).toMatch(/out of credits.*Top up/);
    expect(adapter.mapError(res(422, { code: 422, msg: 'image_size must be one of …' }), 'create').message).toMatch(/refused a parameter.*image_size must be one of/);
    expect(adapter.mapError(res(400, { code: 400, msg: 'prompt is required' }), 'create').message).toMatch(/invalid.*prompt is required/);
    expect(adapter.mapError(res(404, {}), 'create').message).toMatch(/base URL/);
    expect(adapter.mapError(res(404, {}), 'create').message).not.toMatch(/Settings|EASEL_|command line/);
    expect(adapter.mapError(res(404, {}), 'poll').message).toMatch(/no longer knows this task/);
  });
});

describe('revid nano banana catalog', () => {
  const model = (id: string) => adapter.models.find((m) => m.id === id)!;

  it('states what each model accepts, with the documented prices', () => {
    expect(adapter.models.map((m) => m.id)).toEqual(['google/nano-banana', 'google/nano-banana-edit', 'nano-banana-pro']);
    for (const m of adapter.models) {
      expect(m).toMatchObject({ promptMaxLength: 10_000, countMode: 'separate-jobs', counts: [1, 2, 3, 4], seed: false, negativePrompt: false });
      expect(m.aspectRatios).toEqual(['1:1', '2:3', '3:2', '3:4', '4:3', '4:5', '5:4', '9:16', '16:9', '21:9', 'auto']);
      expect(m.params).toEqual([expect.objectContaining({ key: 'output_format', options: ['png', 'jpg'] })]);
    }
    expect(model('google/nano-banana')).toMatchObject({ capabilities: ['text-to-image'], resolutions: [], price: { credits: 8 } });
    expect(model('google/nano-banana').references).toBeUndefined();
    expect(model('google/nano-banana-edit')).toMatchObject({
      capabilities: ['image-to-image'],
      references: { max: 8, accepts: ['url'], mimeTypes: ['image/jpeg', 'image/png', 'image/webp'], maxBytes: 30 * 1024 * 1024, required: true },
      price: { credits: 8 },
    });
    expect(model('nano-banana-pro')).toMatchObject({
      resolutions: ['1K', '2K', '4K'],
      references: { max: 8, accepts: ['url'], required: false },
      price: { credits: 25, byResolution: { '1K': 25, '2K': 25, '4K': 35 } },
    });
  });

  it('validation refuses what a model does not take, with words a person can act on', () => {
    const refuse = (input: Omit<GenerationRequestInput, 'provider'>) => () => validateRequest(adapter, request(input));
    expect(refuse({ model: 'google/nano-banana', prompt: 'x', resolution: '2K' })).toThrow(/does not take a resolution/);
    expect(refuse({ model: 'nano-banana-pro', prompt: 'x', resolution: '8k' })).toThrow(/resolution "8k". Choose 1K, 2K or 4K/);
    expect(refuse({ model: 'google/nano-banana-edit', prompt: 'x' })).toThrow(/add at least one reference/);
    expect(refuse({ model: 'google/nano-banana', prompt: 'x', references: [{ kind: 'url', url: 'https://a/b.png' }] })).toThrow(/does not take reference images/);
    expect(refuse({ model: 'nano-banana-pro', prompt: 'x', references: [{ kind: 'url', url: 'https://cdn.example/notes.txt' }] })).toThrow(/looks like a TXT file.*JPEG, PNG and WebP/);
    expect(refuse({ model: 'nano-banana-pro', prompt: 'x', params: { output_format: 'gif' } })).toThrow(/png or jpg/);
    // A URL without a telling extension is the vendor's to judge.
    expect(() => validateRequest(adapter, request({ model: 'nano-banana-pro', prompt: 'x', references: [{ kind: 'url', url: 'https://cdn.example/image?id=3' }] }))).not.toThrow();
  });
});
