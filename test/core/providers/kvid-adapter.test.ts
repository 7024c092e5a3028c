import { describe, expect, it } from 'vitest';
import { kvidAdapter } from '../../../electron/core/providers/kvid/kvid-adapter';
import type { VendorResponse } from '../../../electron/core/http/request-spec';
import { validateRequest } from '../../../electron/core/requests/validate-request';
import { GenerationRequestSchema, type GenerationRequestInput } from '../../../shared/domain';

const ctx = { baseUrl: 'https://api.kvid.example', apiKey: 'kvid_secret_key', idempotencyKey: 'k' };
const res = (status: number, body: unknown, headers: Record<string, string> = {}): VendorResponse => ({
  status,
  headers,
  text: typeof body === 'string' ? body : JSON.stringify(body),
});
const ok = (data: unknown) => res(200, { success: true, data });
const request = (input: Partial<GenerationRequestInput> = {}) => GenerationRequestSchema.parse({ provider: 'kvid', model: 'nano-banana', prompt: 'K-pop idol', ...input });
/** Through the catalog, as the core does before anything is built. */
const validated = (input: Partial<GenerationRequestInput>) => validateRequest(kvidAdapter, request(input)).request;

describe('kvid adapter: create', () => {
  it('sends every documented field as JSON to text-to-image with the api-key header', () => {
    const r = validated({
      negativePrompt: 'blurry, low quality',
      count: 3,
      seed: 42,
      params: { width: '768', height: '512', num_inference_steps: '40', guidance_scale: '7.5', output_format: 'png', enable_safety_checker: 'false' },
    });
    const spec = kvidAdapter.buildCreate(r, [], ctx);
    expect(spec.method).toBe('POST');
    expect(spec.url).toBe('https://api.kvid.example/ai/generation/text-to-image/generate-async');
    expect(spec.headers['api-key']).toBe('kvid_secret_key');
    expect(spec.headers.authorization).toBeUndefined();
    expect(spec.body).toEqual({
      kind: 'json',
      value: {
        prompt: 'K-pop idol',
        negative_prompt: 'blurry, low quality',
        image_size: { width: 768, height: 512 },
        num_inference_steps: 40,
        guidance_scale: 7.5,
        seed: 42,
        num_images: 3,
        output_format: 'png',
        enable_safety_checker: false,
      },
    });
  });

  it('sends aspect_ratio when no size is given, and leaves kvid its defaults otherwise', () => {
    const spec = kvidAdapter.buildCreate(validated({ aspectRatio: '9:16' }), [], ctx);
    expect(spec.body).toEqual({ kind: 'json', value: { prompt: 'K-pop idol', aspect_ratio: '9:16', num_images: 1 } });
  });

  it('goes to image-to-image with image_url for one reference and image_urls for several', () => {
    const one = kvidAdapter.buildCreate(request(), [{ kind: 'url', url: 'https://img.example/a.png' }], ctx);
    expect(one.url).toBe('https://api.kvid.example/ai/generation/image-to-image/generate-async');
    expect(one.body).toEqual({ kind: 'json', value: { prompt: 'K-pop idol', num_images: 1, image_url: 'https://img.example/a.png' } });
    const two = kvidAdapter.buildCreate(request(), [{ kind: 'url', url: 'https://img.example/a.png' }, { kind: 'url', url: 'https://img.example/b.png' }], ctx);
    expect(two.url).toMatch(/image-to-image/);
    expect(two.body.kind === 'json' && two.body.value).toEqual({ prompt: 'K-pop idol', num_images: 1, image_urls: ['https://img.example/a.png', 'https://img.example/b.png'] });
  });

  it('reads the job id from the envelope, and calls a success without one an unknown outcome', () => {
    expect(kvidAdapter.parseCreate(ok({ job_id: 'img_1_abc', status: 'queued', message: 'Job submitted', estimated_time: '10s', image_type: 'text-to-image' }))).toEqual({ vendorJobId: 'img_1_abc' });
    expect(kvidAdapter.parseCreate(res(200, { job_id: 'img_bare' }))).toEqual({ vendorJobId: 'img_bare' });
    expect(() => kvidAdapter.parseCreate(ok({ status: 'queued' }))).toThrow(expect.objectContaining({ code: 'BAD_RESPONSE', delivery: 'unknown' }));
    expect(() => kvidAdapter.parseCreate(res(200, '<html>maintenance</html>'))).toThrow(expect.objectContaining({ code: 'BAD_RESPONSE', retry: 'transient' }));
  });

  it('treats success:false under HTTP 200 as the error it names', () => {
    const call = () => kvidAdapter.parseCreate(res(200, { success: false, error: { code: 'INSUFFICIENT_CREDITS', message: 'Out of credits' } }));
    expect(call).toThrow(expect.objectContaining({ code: 'INSUFFICIENT_CREDITS', retry: 'final' }));
    expect(() => kvidAdapter.parseCreate(res(200, { success: false, code: 'RATE_LIMITED' }))).toThrow(expect.objectContaining({ code: 'RATE_LIMITED', retry: 'transient' }));
    expect(() => kvidAdapter.parseCreate(res(200, { success: false, message: 'Something odd' }))).toThrow(/kvid answered with an error: Something odd/);
  });
});

describe('kvid adapter: validation before sending', () => {
  it('refuses an aspect ratio together with a size, and half a size', () => {
    expect(() => validated({ aspectRatio: '1:1', params: { width: '512', height: '512' } })).toThrow(/either an aspect ratio or a width and height, not both/);
    expect(() => validated({ params: { width: '512' } })).toThrow(/needs both width and height/);
  });

  it('refuses sizes outside 256–1024 or off the 64 grid, unknown steps, and resolutions', () => {
    expect(() => validated({ params: { width: '1280', height: '512' } })).toThrow(/at most 1024/);
    expect(() => validated({ params: { width: '500', height: '512' } })).toThrow(/steps of 64 from 256/);
    expect(() => validated({ params: { num_inference_steps: '25' } })).toThrow(/20, 30, 40 or 50/);
    expect(() => validated({ params: { guidance_scale: '4' } })).toThrow(/3, 5, 7.5 or 10/);
    expect(() => validated({ resolution: '2k' })).toThrow(/does not take a resolution/);
    expect(() => validated({ aspectRatio: '4:3' })).toThrow(/1:1, 16:9 or 9:16/);
    expect(() => validated({ count: 5 })).toThrow(/1, 2, 3 or 4/);
  });
});

describe('kvid adapter: status', () => {
  it('polls the unified status endpoint with the job id in the query', () => {
    const spec = kvidAdapter.buildPoll('img_1 x', ctx);
    expect(spec).toEqual({ method: 'GET', url: 'https://api.kvid.example/ai/generation/status?jobId=img_1%20x', headers: { 'api-key': 'kvid_secret_key', accept: 'application/json' }, body: { kind: 'none' } });
  });

  it('maps queued, processing, completed and failed', () => {
    expect(kvidAdapter.parsePoll(ok({ job_id: 'j', status: 'queued' }))).toEqual({ kind: 'running' });
    expect(kvidAdapter.parsePoll(ok({ job_id: 'j', status: 'processing', progress: 40 }))).toEqual({ kind: 'running', progress: 0.4 });
    expect(kvidAdapter.parsePoll(ok({ job_id: 'j', status: 'completed' }))).toEqual({ kind: 'fetch-result' });
    const failed = kvidAdapter.parsePoll(ok({ status: 'failed', error: { code: 'GENERATION_FAILED', message: 'GPU fell over' } }));
    expect(failed.kind === 'failed' && failed.error).toMatchObject({ code: 'VENDOR_FAILED', message: expect.stringContaining('GPU fell over') });
    const text = kvidAdapter.parsePoll(ok({ status: 'failed', error: 'bad pixels' }));
    expect(text.kind === 'failed' && text.error.message).toMatch(/^kvid could not make this picture: bad pixels/);
    const none = kvidAdapter.parsePoll(ok({ status: 'failed' }));
    expect(none.kind === 'failed' && none.error.message).toMatch(/no reason given/);
  });

  it('gives a failed job with a documented code that code’s meaning', () => {
    const unsafe = kvidAdapter.parsePoll(ok({ status: 'failed', error: { code: 'SAFETY_CHECK_FAILED', message: 'nsfw output' } }));
    expect(unsafe.kind === 'failed' && unsafe.error).toMatchObject({ code: 'CONTENT_REJECTED', message: expect.stringMatching(/safety filter.*nsfw output/) });
  });

  it('treats a garbled status as a transient fault, and success:false as an error', () => {
    expect(() => kvidAdapter.parsePoll(res(200, '{"status": "proc'))).toThrow(expect.objectContaining({ code: 'BAD_RESPONSE', retry: 'transient' }));
    expect(() => kvidAdapter.parsePoll(ok({ job_id: 'j' }))).toThrow(expect.objectContaining({ code: 'BAD_RESPONSE' }));
    expect(() => kvidAdapter.parsePoll(res(200, { success: false, error: { code: 'SERVER_ERROR', message: 'x' } }))).toThrow(expect.objectContaining({ code: 'VENDOR_ERROR', retry: 'transient' }));
  });
});

describe('kvid adapter: result', () => {
  it('fetches the result endpoint and reads result_url, size and used_credit as the cost', () => {
    expect(kvidAdapter.buildResult!('img_1', ctx).url).toBe('https://api.kvid.example/ai/generation/result?jobId=img_1');
    const outcome = kvidAdapter.parseResult!(
      ok({ job_id: 'img_1', status: 'completed', result_url: 'https://cdn.kvid.ai/images/img_1.jpg', width: 1024, height: 1024, size: 524288, type: 'image/jpeg', used_credit: 8 }),
    );
    expect(outcome).toEqual({ kind: 'succeeded', images: [{ url: 'https://cdn.kvid.ai/images/img_1.jpg', width: 1024, height: 1024 }], costCredits: 8 });
  });

  it('reads several pictures from result_urls or images, without duplicating result_url', () => {
    const urls = kvidAdapter.parseResult!(ok({ status: 'completed', result_url: 'https://c/1.jpg', result_urls: ['https://c/1.jpg', 'https://c/2.jpg'], width: 512, height: 512, used_credit: '4' }));
    expect(urls).toEqual({ kind: 'succeeded', images: [{ url: 'https://c/1.jpg', width: 512, height: 512 }, { url: 'https://c/2.jpg', width: 512, height: 512 }], costCredits: 4 });
    const objects = kvidAdapter.parseResult!(ok({ result_url: 'https://c/1.jpg', images: [{ url: 'https://c/1.jpg', width: 256, height: 384 }, 'https://c/2.jpg'] }));
    expect(objects.kind === 'succeeded' && objects.images).toEqual([{ url: 'https://c/1.jpg', width: 256, height: 384 }, { url: 'https://c/2.jpg' }]);
    expect(objects.kind === 'succeeded' && objects.costCredits).toBeUndefined();
  });

  it('reads a result asked too early as running, a failed one as failed, and a completed one without URL as unreadable', () => {
    expect(kvidAdapter.parseResult!(ok({ job_id: 'j', status: 'processing' }))).toEqual({ kind: 'running' });
    const failed = kvidAdapter.parseResult!(ok({ status: 'failed', error: { message: 'nope' } }));
    expect(failed.kind === 'failed' && failed.error.message).toMatch(/nope/);
    const empty = kvidAdapter.parseResult!(ok({ status: 'completed', used_credit: 8 }));
    expect(empty.kind === 'failed' && empty.error.code).toBe('BAD_RESPONSE');
    expect(() => kvidAdapter.parseResult!(res(200, { success: false, error: 'Result not ready' }))).toThrow(/Result not ready/);
  });
});

describe('kvid adapter: errors', () => {
  it.each([
    [400, 'INVALID_PROMPT', 'INVALID_INPUT', 'final', /prompt as empty or invalid/],
    [402, 'INSUFFICIENT_CREDITS', 'INSUFFICIENT_CREDITS', 'final', /out of credits.*Top up/],
    [422, 'SAFETY_CHECK_FAILED', 'CONTENT_REJECTED', 'final', /safety filter rejected.*Rephrase/],
    [429, 'RATE_LIMITED', 'RATE_LIMITED', 'transient', /rate limiting/],
    [500, 'SERVER_ERROR', 'VENDOR_ERROR', 'transient', /internal error.*support/],
    [503, 'SERVER_ERROR', 'VENDOR_ERROR', 'transient', /internal error/],
  ] as const)('HTTP %i %s is %s (%s)', (status, vendorCode, code, retry, message) => {
    const bodies = [{ success: false, error: { code: vendorCode, message: 'vendor words' } }, { code: vendorCode, message: 'vendor words' }];
    for (const body of bodies) {
      const error = kvidAdapter.mapError(res(status, body, { 'retry-after': '2' }), 'create');
      expect(error.code).toBe(code);
      expect(error.retry).toBe(retry);
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(/kvid/);
      expect(error.message).not.toContain('kvid_secret_key');
      expect(error.detail).toContain('vendor words');
      if (retry === 'transient') expect(error.retryAfterMs).toBe(2000);
    }
  });

  it('falls back on the HTTP status for plain-text bodies and undocumented statuses', () => {
    expect(kvidAdapter.mapError(res(429, 'Too many requests'), 'poll')).toMatchObject({ code: 'RATE_LIMITED', retry: 'transient' });
    expect(kvidAdapter.mapError(res(402, 'INSUFFICIENT_CREDITS: out'), 'create')).toMatchObject({ code: 'INSUFFICIENT_CREDITS' });
    // A plain-text body led by a documented code is read by its code, not only its status.
    expect(kvidAdapter.mapError(res(422, 'SAFETY_CHECK_FAILED: Prompt rejected'), 'create')).toMatchObject({ code: 'CONTENT_REJECTED', detail: 'HTTP 422: Prompt rejected' });
    expect(kvidAdapter.mapError(res(502, '<html>Bad gateway</html>'), 'poll')).toMatchObject({ code: 'VENDOR_ERROR', retry: 'transient' });
    const auth = kvidAdapter.mapError(res(401, { success: false, error: { code: 'UNAUTHORIZED', message: 'bad key' } }), 'create');
    expect(auth).toMatchObject({ code: 'AUTH_FAILED', retry: 'final' });
    // Where to fix the key is each host's advice (Settings in the window, an env var in a terminal).
    expect(auth.message).toBe('kvid rejected the API key (401).');
    expect(auth.detail).toBe('HTTP 401: UNAUTHORIZED: bad key');
    expect(kvidAdapter.mapError(res(404, {}), 'poll').message).toMatch(/no longer knows this job/);
    expect(kvidAdapter.mapError(res(404, {}), 'result').message).toMatch(/no result for this job/);
    expect(kvidAdapter.mapError(res(400, { code: 'INVALID_PARAMETER', message: 'guidance_scale must be 3, 5, 7.5 or 10.' }), 'create')).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/It said: "INVALID_PARAMETER: guidance_scale must be/),
    });
    expect(kvidAdapter.mapError(res(408, ''), 'poll')).toMatchObject({ code: 'TIMEOUT', retry: 'transient' });
  });
});

describe('kvid catalog', () => {
  it('takes references by URL only, counts natively, and has no static price', () => {
    const [model] = kvidAdapter.models;
    expect(kvidAdapter.models).toHaveLength(1);
    expect(model).toMatchObject({ id: 'nano-banana', countMode: 'native', counts: [1, 2, 3, 4], resolutions: [], aspectRatios: ['1:1', '16:9', '9:16'], seed: true, negativePrompt: true });
    expect(model!.references).toMatchObject({ accepts: ['url'], max: 4 });
    expect(model!.price?.note).toMatch(/used_credit/);
    expect(kvidAdapter.budget).toEqual({});
  });
});
