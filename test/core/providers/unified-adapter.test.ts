import { describe, expect, it } from 'vitest';
import type { EaselError } from '../../../electron/core/errors/easel-error';
import type { VendorResponse } from '../../../electron/core/http/request-spec';
import { validateRequest } from '../../../electron/core/requests/validate-request';
import { createUnifiedAdapter, unifiedAdapter } from '../../../electron/core/providers/unified/unified-adapter';
import { GenerationRequestSchema, type GenerationRequestInput } from '../../../shared/domain';

const ctx = { baseUrl: 'https://unified.example', apiKey: 'sk_unified_secret', idempotencyKey: 'idem-123' };
const res = (status: number, body: unknown, headers: Record<string, string> = {}): VendorResponse => ({
  status,
  headers,
  text: typeof body === 'string' ? body : JSON.stringify(body),
});
const request = (input: Partial<GenerationRequestInput> = {}) => GenerationRequestSchema.parse({ provider: 'unified', model: 'imagen-4', prompt: 'a cat', ...input });
const jsonBody = (spec: ReturnType<typeof unifiedAdapter.buildCreate>) => (spec.body.kind === 'json' ? spec.body.value : undefined);

describe('unified adapter: identity and catalog', () => {
  it('has no default base URL, a key variable, and idempotent creates', () => {
    expect(unifiedAdapter).toMatchObject({ id: 'unified', defaultBaseUrl: null, keyEnv: 'EASEL_UNIFIED_API_KEY', idempotentCreate: true });
  });

  it('lists all 40 documented models with their descriptions', () => {
    expect(unifiedAdapter.models).toHaveLength(40);
    expect(new Set(unifiedAdapter.models.map((m) => m.id)).size).toBe(40);
    expect(unifiedAdapter.models.find((m) => m.id === 'ideogram-character')).toMatchObject({
      label: 'Ideogram Character',
      description: 'Character-consistent generation with reference images',
      capabilities: ['text-to-image', 'image-to-image'],
      references: { max: 1, accepts: ['url'] },
    });
    for (const model of unifiedAdapter.models) {
      expect(model).toMatchObject({ promptMaxLength: 2000, countMode: 'separate-jobs', counts: [1, 2, 3, 4], openParams: true, aspectRatios: [], resolutions: [] });
      expect(model.description.length).toBeGreaterThan(10);
    }
  });

  it('offers references exactly to the models described as editing, image-to-image or references', () => {
    const editing = unifiedAdapter.models.filter((m) => m.references).map((m) => m.id);
    expect(editing).toEqual([
      'nano-banana', 'flux-2-pro', 'flux-2-dev', 'flux-2-flex', 'flux-2-max', 'seedream-4', 'seedream-4.5', 'seedream-5-lite',
      'ideogram-v3-balanced', 'ideogram-v3-turbo', 'ideogram-v3-quality', 'ideogram-character', 'gpt-image-1.5', 'kling-image',
      'qwen-image', 'qwen-image-2', 'qwen-image-2-pro', 'wan-image-2.6', 'wan-image-2.7', 'wan-image-2.7-pro',
    ]);
    for (const model of unifiedAdapter.models) {
      expect(model.capabilities.includes('image-to-image')).toBe(Boolean(model.references));
      if (model.references) expect(model.references.accepts).toEqual(['url']);
    }
  });

  it('passes any --param through, typed, and refuses an over-long prompt before sending', () => {
    const { request: typed } = validateRequest(unifiedAdapter, request({ params: { aspect_ratio: '16:9', steps: '30', raw: 'true' } }));
    expect(typed.params).toEqual({ aspect_ratio: '16:9', steps: 30, raw: true });
    expect(() => validateRequest(unifiedAdapter, request({ prompt: 'x'.repeat(2001) }))).toThrow(/2001 characters.*at most 2000/);
  });
});

describe('unified adapter: create', () => {
  it('POSTs the common body as JSON with Bearer auth and the Idempotency-Key', () => {
    const spec = unifiedAdapter.buildCreate(request(), [], ctx);
    expect(spec.method).toBe('POST');
    expect(spec.url).toBe('https://unified.example/v2/images/generate');
    expect(spec.headers.authorization).toBe('Bearer sk_unified_secret');
    expect(spec.headers['x-api-key']).toBe('sk_unified_secret');
    expect(spec.headers['idempotency-key']).toBe('idem-123');
    expect(spec.body.kind).toBe('json');
    // Nothing else: no webhook (a desktop app cannot receive one), no empty parameters object.
    expect(jsonBody(spec)).toEqual({ prompt: 'a cat', model: 'imagen-4' });
  });

  it('sends --param values as the model’s `parameters` object and references as `imageUrls`', () => {
    const spec = unifiedAdapter.buildCreate(
      request({ model: 'flux-2-pro', params: { aspect_ratio: '16:9', steps: 30, prompt_upsampling: true } }),
      [{ kind: 'url', url: 'https://img.example/a.png' }, { kind: 'url', url: 'https://img.example/b.png' }],
      ctx,
    );
    expect(jsonBody(spec)).toEqual({
      prompt: 'a cat',
      model: 'flux-2-pro',
      parameters: { aspect_ratio: '16:9', steps: 30, prompt_upsampling: true },
      imageUrls: ['https://img.example/a.png', 'https://img.example/b.png'],
    });
  });

  it('never uploads a local file', () => {
    expect(() => unifiedAdapter.buildCreate(request({ model: 'flux-2-pro' }), [{ kind: 'file', path: '/tmp/a.png', filename: 'a.png', contentType: 'image/png', bytes: 1 }], ctx)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringMatching(/public URL/) }),
    );
  });

  it('reads the job id of the documented 202, tolerates wrappers, and calls a 2xx without one an unknown outcome', () => {
    expect(unifiedAdapter.parseCreate(res(202, { jobId: 'a1b2', status: 'QUEUED' }))).toEqual({ vendorJobId: 'a1b2' });
    expect(unifiedAdapter.parseCreate(res(202, { id: 'a1b2' }))).toEqual({ vendorJobId: 'a1b2' });
    expect(unifiedAdapter.parseCreate(res(202, { data: { jobId: 'a1b2' } }))).toEqual({ vendorJobId: 'a1b2' });
    expect(() => unifiedAdapter.parseCreate(res(202, { status: 'QUEUED' }))).toThrow(expect.objectContaining({ code: 'BAD_RESPONSE', delivery: 'unknown', retry: 'transient' }));
    expect(() => unifiedAdapter.parseCreate(res(202, '<html>'))).toThrow(expect.objectContaining({ code: 'BAD_RESPONSE', retry: 'transient' }));
  });
});

describe('unified adapter: jobs path', () => {
  it('polls GET /v2/jobs/{jobId} by default, with the id escaped', () => {
    const spec = unifiedAdapter.buildPoll('a1b2/c', ctx);
    expect(spec).toMatchObject({ method: 'GET', url: 'https://unified.example/v2/jobs/a1b2%2Fc', body: { kind: 'none' } });
    expect(spec.headers.authorization).toBe('Bearer sk_unified_secret');
    expect(spec.headers['idempotency-key']).toBeUndefined();
  });

  it('takes another path from the factory option', () => {
    const adapter = createUnifiedAdapter({ jobsPath: '/v2/tasks/{jobId}/status' });
    expect(adapter.buildPoll('j1', ctx).url).toBe('https://unified.example/v2/tasks/j1/status');
    expect(adapter.validate?.(request(), adapter.models[0]!)).toBeNull();
  });

  it.each(['v2/jobs/{jobId}', '/v2/jobs', '/v2/jobs/{jobId}?x=1'])('refuses the path %s before sending, with a message that says how to fix it', (jobsPath) => {
    const adapter = createUnifiedAdapter({ jobsPath });
    const problem = adapter.validate?.(request(), adapter.models[0]!);
    expect(problem).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/EASEL_UNIFIED_JOBS_PATH/) });
    expect(() => adapter.buildPoll('j1', ctx)).toThrow(/EASEL_UNIFIED_JOBS_PATH/);
  });
});

describe('unified adapter: job status', () => {
  const poll = (body: unknown) => unifiedAdapter.parsePoll(res(200, body));

  it.each(['QUEUED', 'PENDING', 'PROCESSING', 'RUNNING', 'IN_PROGRESS', 'processing', 'In Progress', 'SOMETHING_NEW'])('%s is running', (status) => {
    expect(poll({ jobId: 'j', status })).toEqual({ kind: 'running' });
  });

  it('reads progress as 0–100 or 0–1', () => {
    expect(poll({ status: 'PROCESSING', progress: 65 })).toEqual({ kind: 'running', progress: 0.65 });
    expect(poll({ status: 'PROCESSING', progress: 0.4 })).toEqual({ kind: 'running', progress: 0.4 });
    expect(poll({ status: 'QUEUED', progress: 0 })).toEqual({ kind: 'running', progress: 0 });
    expect(poll({ status: 'PROCESSING', progress: 'half' })).toEqual({ kind: 'running' });
  });

  const url = 'https://cdn.example/1.png';
  const url2 = 'https://cdn.example/2.png';
  it.each<[string, unknown]>([
    ['images as strings', { status: 'COMPLETED', images: [url, url2] }],
    ['images as {url}', { status: 'SUCCEEDED', images: [{ url }, { url: url2 }] }],
    ['output.images', { status: 'SUCCESS', output: { images: [url, url2] } }],
    ['result.urls', { status: 'DONE', result: { urls: [url, url2] } }],
    ['result.images', { status: 'COMPLETED', result: { images: [url, url2], gridUrl: 'https://cdn.example/grid.png' } }],
    ['result as a list', { status: 'COMPLETED', result: [{ url }, url2] }],
    ['resultUrls', { status: 'COMPLETED', resultUrls: [url, url2] }],
    ['imageUrls', { status: 'COMPLETED', imageUrls: [url, url2] }],
    ['data.images', { status: 'COMPLETED', data: { images: [{ url }, { url: url2 }] } }],
    ['data.result.urls', { status: 'COMPLETED', data: { result: { urls: [url, url2] } } }],
    ['everything under data', { data: { status: 'COMPLETED', resultUrls: [url, url2] } }],
  ])('a completed job with %s succeeds with every picture', (_shape, body) => {
    expect(poll(body)).toEqual({ kind: 'succeeded', images: [{ url }, { url: url2 }] });
  });

  it('a single result URL and a credit cost are read too', () => {
    expect(poll({ status: 'COMPLETED', result: url, creditCost: 10 })).toEqual({ kind: 'succeeded', images: [{ url }], costCredits: 10 });
  });

  it('a completed job without a picture URL fails, carrying the whole answer for the diagnostic file', () => {
    const body = { jobId: 'j', status: 'COMPLETED', result: { files: ['x.png'] }, note: 'y'.repeat(1000) };
    const outcome = poll(body);
    expect(outcome.kind).toBe('failed');
    const error = (outcome as { error: EaselError }).error;
    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.retry).toBe('final');
    expect(error.message).toMatch(/Unified says the job is complete, but its answer has no picture URL/);
    expect(error.detail).toBe(JSON.stringify(body));
  });

  it.each([
    ['FAILED', { error: 'Provider returned an error: content policy violation' }, /content policy violation/],
    ['ERROR', { error: { message: 'GPU lost' } }, /GPU lost/],
    ['CANCELED', {}, /canceled the job/],
    ['FAILED', { message: 'prompt rejected' }, /prompt rejected/],
    ['FAILED', {}, /no reason given/],
  ])('%s fails with the vendor’s reason', (status, extra, message) => {
    const outcome = poll({ status, ...extra });
    expect(outcome.kind).toBe('failed');
    expect((outcome as { error: EaselError }).error).toMatchObject({ code: 'VENDOR_FAILED', message: expect.stringMatching(message) });
    expect((outcome as { error: EaselError }).error.message).toMatch(/^Unified /);
  });

  it('a garbled or status-less answer is a transient fault, not a crash', () => {
    expect(() => unifiedAdapter.parsePoll(res(200, '{"status": "proc'))).toThrow(expect.objectContaining({ code: 'BAD_RESPONSE', retry: 'transient' }));
    expect(() => poll({ jobId: 'j' })).toThrow(expect.objectContaining({ code: 'BAD_RESPONSE', retry: 'transient' }));
  });
});

describe('unified adapter: errors', () => {
  it.each([
    [400, 'INVALID_INPUT', 'final', /rejected the request as invalid/],
    [401, 'AUTH_FAILED', 'final', /rejected the API key: it is missing or invalid \(401\)\.$/],
    [402, 'INSUFFICIENT_CREDITS', 'final', /not have enough credits to run this model/],
    [503, 'VENDOR_UNAVAILABLE', 'transient', /job queue is temporarily down/],
    [429, 'RATE_LIMITED', 'transient', /rate limiting/],
    [500, 'VENDOR_ERROR', 'transient', /internal error/],
    [408, 'TIMEOUT', 'transient', /timed out/],
    [404, 'NOT_FOUND', 'final', /base URL/],
  ] as const)('HTTP %i is %s (%s) with a message that names Unified', (status, code, retry, message) => {
    const error = unifiedAdapter.mapError(res(status, { error: 'Whatever', message: 'vendor words' }, { 'retry-after': '2' }), 'create');
    expect(error).toMatchObject({ code, retry, status });
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/Unified/);
    expect(error.message).not.toContain('sk_unified_secret');
    // Where to change a key or an address is each host's advice, added where the error is shown.
    expect(error.message).not.toMatch(/Settings|EASEL_|command line/);
    if (retry === 'transient') expect(error.retryAfterMs).toBe(2000);
  });

  it('a 400 shows the vendor’s details, whatever their shape', () => {
    const listed = unifiedAdapter.mapError(
      res(400, { error: 'Validation error', message: 'Invalid parameters', details: [{ field: 'parameters.aspect_ratio', message: 'must be one of 1:1, 16:9' }, { path: ['prompt'], message: 'too long' }] }),
      'create',
    );
    expect(listed.message).toMatch(/Invalid parameters: parameters\.aspect_ratio: must be one of 1:1, 16:9; prompt: too long/);
    expect(listed.detail).toMatch(/^HTTP 400: /);
    expect(unifiedAdapter.mapError(res(400, { error: 'Validation error', details: { prompt: ['Required'] } }), 'create').message).toMatch(/Validation error: prompt: Required/);
    expect(unifiedAdapter.mapError(res(400, { error: 'Validation error', details: 'model is unknown' }), 'create').message).toMatch(/model is unknown/);
    expect(unifiedAdapter.mapError(res(400, { error: 'Validation error' }), 'create').message).toMatch(/Validation error/);
    expect(unifiedAdapter.mapError(res(400, 'bad things'), 'create').message).toMatch(/bad things/);
  });

  it('a 404 while polling points at the jobs path setting', () => {
    expect(unifiedAdapter.mapError(res(404, { error: 'Not found' }), 'poll').message).toMatch(/EASEL_UNIFIED_JOBS_PATH/);
  });
});
