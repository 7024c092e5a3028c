import { describe, expect, it } from 'vitest';
import { revidGpt4oAdapter } from '../../../electron/core/providers/revid-gpt4o/revid-gpt4o-adapter';
import type { VendorResponse } from '../../../electron/core/http/request-spec';
import { EaselError } from '../../../electron/core/errors/easel-error';
import { validateRequest } from '../../../electron/core/requests/validate-request';
import { GenerationRequestSchema, type GenerationRequestInput } from '../../../shared/domain';

const ctx = { baseUrl: 'https://api.example', apiKey: 'sk_live_test', idempotencyKey: 'k' };
const res = (status: number, body: unknown, headers: Record<string, string> = {}): VendorResponse => ({
  status,
  headers,
  text: typeof body === 'string' ? body : JSON.stringify(body),
});
const request = (input: Partial<GenerationRequestInput> = {}) =>
  GenerationRequestSchema.parse({ provider: 'revid-gpt4o', model: 'gpt4o-image', prompt: 'a cat', ...input });
const jsonBody = (spec: ReturnType<typeof revidGpt4oAdapter.buildCreate>) => (spec.body.kind === 'json' ? spec.body.value : null);
const task = (data: Record<string, unknown>) => res(200, { code: 200, msg: 'success', data: { taskId: 't1', ...data } });

function thrown(fn: () => unknown): EaselError {
  try {
    fn();
  } catch (error) {
    if (error instanceof EaselError) return error;
    throw error;
  }
  throw new Error('expected an EaselError');
}

describe('revid gpt4o adapter: create', () => {
  it('posts JSON with x-api-key (not Bearer) and every documented field', () => {
    const spec = revidGpt4oAdapter.buildCreate(
      request({ aspectRatio: '3:2', count: 4, params: { maskUrl: 'https://img.example/m.png', isEnhance: true, uploadCn: false, enableFallback: true, fallbackModel: 'GPT_IMAGE_1' } }),
      [{ kind: 'url', url: 'https://img.example/a.png' }],
      ctx,
    );
    expect(spec.method).toBe('POST');
    expect(spec.url).toBe('https://api.example/paid/gpt4o-image/generate');
    expect(spec.headers['x-api-key']).toBe('sk_live_test');
    expect(spec.headers.authorization).toBeUndefined();
    expect(jsonBody(spec)).toEqual({
      size: '3:2',
      prompt: 'a cat',
      nVariants: 4,
      filesUrl: ['https://img.example/a.png'],
      maskUrl: 'https://img.example/m.png',
      isEnhance: true,
      uploadCn: false,
      enableFallback: true,
      fallbackModel: 'GPT_IMAGE_1',
    });
  });

  it('defaults size to 1:1 (required by the API), sends nVariants 1, and puts every reference in filesUrl', () => {
    const urls = ['https://a.example/1.png', 'https://a.example/2.jpg', 'https://a.example/3.webp'];
    const spec = revidGpt4oAdapter.buildCreate(request(), urls.map((url) => ({ kind: 'url' as const, url })), ctx);
    expect(jsonBody(spec)).toEqual({ size: '1:1', prompt: 'a cat', nVariants: 1, filesUrl: urls });
    expect(jsonBody(revidGpt4oAdapter.buildCreate(request(), [], ctx))).toEqual({ size: '1:1', prompt: 'a cat', nVariants: 1 });
  });

  it('reads the task id; a success code without one is an unknown outcome', () => {
    expect(revidGpt4oAdapter.parseCreate(res(200, { code: 200, msg: 'success', data: { taskId: 'task12345' } }))).toEqual({ vendorJobId: 'task12345' });
    expect(revidGpt4oAdapter.parseCreate(res(200, { code: '200', data: { taskId: 'x' } }))).toEqual({ vendorJobId: 'x' });
    expect(thrown(() => revidGpt4oAdapter.parseCreate(res(200, { code: 200, data: null })))).toMatchObject({ code: 'BAD_RESPONSE', delivery: 'unknown' });
  });

  it('a body code other than 200 under HTTP 200 is the documented error, answered (no task exists)', () => {
    const error = thrown(() => revidGpt4oAdapter.parseCreate(res(200, { code: 401, msg: 'Unauthorized', data: null })));
    expect(error).toMatchObject({ code: 'AUTH_FAILED', retry: 'final', delivery: 'answered' });
    expect(thrown(() => revidGpt4oAdapter.parseCreate(res(200, { code: 455, msg: 'maintenance', data: null })))).toMatchObject({ code: 'VENDOR_UNAVAILABLE', retry: 'transient' });
    expect(thrown(() => revidGpt4oAdapter.parseCreate(res(200, { code: 451, msg: 'Failed to fetch the image.', data: null })))).toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('revid gpt4o adapter: info', () => {
  it('polls with POST and taskId in the query, with x-api-key', () => {
    const spec = revidGpt4oAdapter.buildPoll('task 1/2', ctx);
    expect(spec).toEqual({
      method: 'POST',
      url: 'https://api.example/paid/gpt4o-image/info?taskId=task%201%2F2',
      headers: { 'x-api-key': 'sk_live_test', accept: 'application/json' },
      body: { kind: 'none' },
    });
  });

  it('GENERATING is running with progress read from its string', () => {
    expect(revidGpt4oAdapter.parsePoll(task({ status: 'GENERATING', successFlag: 0, progress: '0.48', response: null }))).toEqual({ kind: 'running', progress: 0.48 });
    expect(revidGpt4oAdapter.parsePoll(task({ status: 'GENERATING', progress: 0.2 }))).toEqual({ kind: 'running', progress: 0.2 });
    expect(revidGpt4oAdapter.parsePoll(task({ status: 'GENERATING', progress: null }))).toEqual({ kind: 'running' });
    expect(revidGpt4oAdapter.parsePoll(task({ successFlag: 0, progress: '50' }))).toEqual({ kind: 'running', progress: 0.5 });
  });

  it('SUCCESS gives every resultUrl and 10 credits per image', () => {
    const urls = ['https://cdn/1.png', 'https://cdn/2.png'];
    expect(revidGpt4oAdapter.parsePoll(task({ status: 'SUCCESS', successFlag: 1, progress: '1.00', response: { resultUrls: urls }, errorCode: null, errorMessage: '' }))).toEqual({
      kind: 'succeeded',
      images: urls.map((url) => ({ url })),
      costCredits: 20,
    });
    // Without `status`, successFlag decides.
    expect(revidGpt4oAdapter.parsePoll(task({ successFlag: 1, response: { resultUrls: [{ url: 'https://cdn/x.png' }] } }))).toMatchObject({ kind: 'succeeded', images: [{ url: 'https://cdn/x.png' }] });
    const empty = revidGpt4oAdapter.parsePoll(task({ status: 'SUCCESS', response: { resultUrls: [] } }));
    expect(empty).toMatchObject({ kind: 'failed', error: { code: 'BAD_RESPONSE' } });
  });

  it('CREATE_TASK_FAILED and GENERATE_FAILED end the job with the vendor reason and code', () => {
    const created = revidGpt4oAdapter.parsePoll(task({ status: 'CREATE_TASK_FAILED', successFlag: 2, errorCode: 500, errorMessage: 'upstream busy' }));
    expect(created.kind === 'failed' && created.error).toMatchObject({ code: 'VENDOR_FAILED', message: expect.stringMatching(/could not start this task: upstream busy \(error code 500\)/) });
    const generated = revidGpt4oAdapter.parsePoll(task({ status: 'GENERATE_FAILED', errorCode: 400, errorMessage: 'Image generation failed.' }));
    expect(generated.kind === 'failed' && generated.error.message).toBe('revid GPT-4o could not make this picture: Image generation failed (error code 400).');
    const flagged = revidGpt4oAdapter.parsePoll(task({ status: 'GENERATE_FAILED', errorMessage: 'Your prompt was flagged by Website as violating content policies' }));
    expect(flagged.kind === 'failed' && flagged.error.code).toBe('CONTENT_REJECTED');
    const silent = revidGpt4oAdapter.parsePoll(task({ status: 'GENERATE_FAILED', errorMessage: null, errorCode: null }));
    expect(silent.kind === 'failed' && silent.error.message).toMatch(/no reason given/);
  });

  it('garbled or empty answers are transient faults, not crashes', () => {
    expect(thrown(() => revidGpt4oAdapter.parsePoll(res(200, '{"code": 2')))).toMatchObject({ code: 'BAD_RESPONSE', retry: 'transient' });
    expect(thrown(() => revidGpt4oAdapter.parsePoll(res(200, { code: 200, msg: 'success', data: null })))).toMatchObject({ code: 'BAD_RESPONSE', retry: 'transient' });
  });

  it('a body code under HTTP 200 while polling: 422 record is null / 14 days is an expired task', () => {
    for (const msg of ['record is null', 'Temporarily supports records within 14 days']) {
      const error = thrown(() => revidGpt4oAdapter.parsePoll(res(200, { code: 422, msg, data: null })));
      expect(error).toMatchObject({ code: 'RESULT_EXPIRED', retry: 'final' });
      expect(error.message).toMatch(/14 days/);
    }
    expect(thrown(() => revidGpt4oAdapter.parsePoll(res(200, { code: 422, msg: 'record result data is empty', data: null })))).toMatchObject({ code: 'VENDOR_FAILED' });
    expect(thrown(() => revidGpt4oAdapter.parsePoll(res(200, { code: 422, msg: 'record status is not success', data: null })))).toMatchObject({ code: 'VENDOR_FAILED' });
    expect(thrown(() => revidGpt4oAdapter.parsePoll(res(200, { code: 500, msg: 'Timeout Internal Error', data: null })))).toMatchObject({ code: 'VENDOR_ERROR', retry: 'transient' });
  });
});

describe('revid gpt4o adapter: errors', () => {
  it.each([
    [400, 'INVALID_INPUT', 'final'],
    [401, 'AUTH_FAILED', 'final'],
    [404, 'NOT_FOUND', 'final'],
    [422, 'INVALID_INPUT', 'final'],
    [429, 'RATE_LIMITED', 'transient'],
    [451, 'INVALID_INPUT', 'final'],
    [455, 'VENDOR_UNAVAILABLE', 'transient'],
    [500, 'VENDOR_ERROR', 'transient'],
    [502, 'VENDOR_ERROR', 'transient'],
  ] as const)('HTTP %i is %s (%s), names the vendor, never the key', (status, code, retry) => {
    const error = revidGpt4oAdapter.mapError(res(status, { code: status, msg: 'vendor words', data: null }, { 'retry-after': '2' }), 'create');
    expect(error.code).toBe(code);
    expect(error.retry).toBe(retry);
    expect(error.message).toMatch(/^revid GPT-4o /);
    expect(error.message).not.toContain('sk_live');
    expect(error.detail).toContain('vendor words');
    if (status === 429) expect(error.retryAfterMs).toBe(2000);
  });

  it('400 says which documented reason applies', () => {
    const flagged = revidGpt4oAdapter.mapError(res(400, { code: 400, msg: 'Your prompt was flagged by Website as violating content policies.' }), 'create');
    expect(flagged.code).toBe('CONTENT_REJECTED');
    expect(flagged.message).toMatch(/content policy.*Rephrase/);
    expect(revidGpt4oAdapter.mapError(res(400, { code: 400, msg: 'Only English prompts are supported at this time.' }), 'create').message).toMatch(/English/);
    expect(revidGpt4oAdapter.mapError(res(400, { code: 400, msg: 'public error unsafe image upload.' }), 'create').code).toBe('CONTENT_REJECTED');
    expect(revidGpt4oAdapter.mapError(res(400, { code: 400, msg: 'Failed to fetch the image. Kindly verify any access limits' }), 'create').message).toMatch(/publicly reachable/);
    expect(revidGpt4oAdapter.mapError(res(400, { code: 400, msg: 'something else' }), 'create').message).toMatch(/It said: "something else"/);
  });

  it('451 names the access limits to check; 401 says the key was refused; 455 is maintenance', () => {
    const fetchFailed = revidGpt4oAdapter.mapError(res(451, { code: 451, msg: 'Failed to fetch the image.' }), 'create');
    expect(fetchFailed.message).toMatch(/could not fetch a reference image.*publicly reachable.*signed link.*hotlink.*IP allow-list.*region/);
    const auth = revidGpt4oAdapter.mapError(res(401, {}), 'create');
    expect(auth).toMatchObject({ code: 'AUTH_FAILED', message: 'revid GPT-4o rejected the API key (401).' });
    expect(revidGpt4oAdapter.mapError(res(455, {}), 'poll').message).toMatch(/maintenance/);
  });

  it('422 and 404 read differently while polling', () => {
    expect(revidGpt4oAdapter.mapError(res(422, { code: 422, msg: 'record is null' }), 'poll')).toMatchObject({ code: 'RESULT_EXPIRED' });
    expect(revidGpt4oAdapter.mapError(res(422, { code: 422, msg: 'size is required' }), 'create').message).toMatch(/could not validate.*size is required/);
    expect(revidGpt4oAdapter.mapError(res(404, 'Not Found'), 'poll').message).toMatch(/does not know this task/);
    expect(revidGpt4oAdapter.mapError(res(404, 'Not Found'), 'create').message).toMatch(/base URL/);
    expect(revidGpt4oAdapter.mapError(res(404, 'Not Found'), 'create').message).not.toMatch(/Settings|EASEL_|command line/);
  });
});

describe('revid gpt4o: validation before sending', () => {
  const check = (input: Partial<GenerationRequestInput>) => () => validateRequest(revidGpt4oAdapter, request(input));
  const two = [
    { kind: 'url' as const, url: 'https://a.example/1.png' },
    { kind: 'url' as const, url: 'https://a.example/2.png' },
  ];

  it('accepts the documented choices', () => {
    expect(check({ aspectRatio: '2:3', count: 2, references: two, params: { isEnhance: 'true', enableFallback: 'true', fallbackModel: 'FLUX_MAX' } })).not.toThrow();
    expect(check({ references: [two[0]!], params: { maskUrl: 'https://a.example/m.png' } })).not.toThrow();
  });

  it('refuses what the API does not take', () => {
    expect(check({ aspectRatio: '16:9' })).toThrow(/aspect ratio "16:9"/);
    expect(check({ resolution: '2k' })).toThrow(/does not take a resolution/);
    expect(check({ count: 3 })).toThrow(/1, 2 or 4/);
    expect(check({ references: Array.from({ length: 6 }, (_, i) => ({ kind: 'url' as const, url: `https://a.example/${i}.png` })) })).toThrow(/at most 5/);
    expect(check({ params: { fallbackModel: 'DALL_E' } })).toThrow(/GPT_IMAGE_1 or FLUX_MAX/);
    expect(check({ prompt: 'x'.repeat(32_001) })).toThrow(/at most 32000/);
    expect(check({ references: [{ kind: 'url', url: 'https://a.example/anim.gif' }] })).toThrow(/JPEG, PNG or WebP/);
  });

  it('refuses input the vendor would silently ignore', () => {
    expect(check({ references: two, params: { maskUrl: 'https://a.example/m.png' } })).toThrow(/ignores the mask when more than one reference image is given/);
    expect(check({ params: { maskUrl: 'https://a.example/m.png' } })).toThrow(/add the one reference image/);
    expect(check({ references: [two[0]!], params: { maskUrl: 'm.png' } })).toThrow(/http\(s\) URL/);
    expect(check({ params: { fallbackModel: 'FLUX_MAX' } })).toThrow(/enableFallback/);
    expect(check({ params: { fallbackModel: 'FLUX_MAX', enableFallback: 'false' } })).toThrow(/enableFallback/);
  });

  it('takes references by URL only', () => {
    expect(revidGpt4oAdapter.models[0]?.references).toMatchObject({ max: 5, accepts: ['url'] });
    expect(revidGpt4oAdapter.models[0]).toMatchObject({ countMode: 'native', counts: [1, 2, 4], aspectRatios: ['1:1', '3:2', '2:3'], price: { credits: 10 } });
    expect(revidGpt4oAdapter.budget).toEqual({ perTaskPerSecond: 3 });
  });
});
