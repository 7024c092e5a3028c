import { describe, expect, it } from 'vitest';
import { revidAdapter } from '../../../electron/core/providers/revid/revid-adapter';
import type { VendorResponse } from '../../../electron/core/http/request-spec';
import { GenerationRequestSchema } from '../../../shared/domain';

const ctx = { baseUrl: 'https://ai.example', apiKey: 'sk_live_test', idempotencyKey: 'k' };
const res = (status: number, body: unknown, headers: Record<string, string> = {}): VendorResponse => ({
  status,
  headers,
  text: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('revid adapter: create', () => {
  it('sends every documented field as multipart with Bearer auth', () => {
    const request = GenerationRequestSchema.parse({
      provider: 'revid',
      model: 'nano-banana-pro',
      prompt: 'a cat',
      resolution: '2k',
      aspectRatio: '16:9',
      params: { speed: 'fast', server_id: 'eu-1' },
    });
    const spec = revidAdapter.buildCreate(request, [{ kind: 'url', url: 'https://img.example/a.png' }], ctx);
    expect(spec.method).toBe('POST');
    expect(spec.url).toBe('https://ai.example/v1/image/generate');
    expect(spec.headers.authorization).toBe('Bearer sk_live_test');
    expect(spec.body.kind).toBe('multipart');
    const fields = spec.body.kind === 'multipart' ? Object.fromEntries(spec.body.fields.map((f) => [f.name, 'value' in f ? f.value : f.file.path])) : {};
    expect(fields).toEqual({ prompt: 'a cat', model: 'nano-banana-pro', resolution: '2k', aspect_ratio: '16:9', speed: 'fast', server_id: 'eu-1', img_url: 'https://img.example/a.png' });
  });

  it('uploads a local reference as input_image', () => {
    const request = GenerationRequestSchema.parse({ provider: 'revid', model: 'nano-banana', prompt: 'x' });
    const spec = revidAdapter.buildCreate(request, [{ kind: 'file', path: '/tmp/a.png', filename: 'a.png', contentType: 'image/png', bytes: 10 }], ctx);
    const file = spec.body.kind === 'multipart' ? spec.body.fields.find((f) => f.name === 'input_image') : undefined;
    expect(file && 'file' in file ? file.file : null).toEqual({ path: '/tmp/a.png', filename: 'a.png', contentType: 'image/png' });
  });

  it('reads the job id, and calls a 2xx without one an unknown outcome', () => {
    expect(revidAdapter.parseCreate(res(200, { job_id: 'job_1' }))).toEqual({ vendorJobId: 'job_1' });
    expect(() => revidAdapter.parseCreate(res(200, { ok: true }))).toThrow(expect.objectContaining({ delivery: 'unknown' }));
  });
});

describe('revid adapter: status', () => {
  it('maps processing, completed and failed', () => {
    expect(revidAdapter.parsePoll(res(200, { status: 'processing', result: null }))).toEqual({ kind: 'running' });
    expect(revidAdapter.parsePoll(res(200, { status: 'completed', result: 'https://cdn/x.png' }))).toEqual({ kind: 'succeeded', images: [{ url: 'https://cdn/x.png' }] });
    const failed = revidAdapter.parsePoll(res(200, { status: 'failed', result: null, error: 'NSFW content' }));
    expect(failed.kind).toBe('failed');
    expect(failed.kind === 'failed' && failed.error.message).toContain('NSFW content');
  });

  it('treats a garbled status as a transient fault, not a crash', () => {
    expect(() => revidAdapter.parsePoll(res(200, '{"status": "proc'))).toThrow(expect.objectContaining({ code: 'BAD_RESPONSE', retry: 'transient' }));
  });
});

describe('revid adapter: errors', () => {
  it.each([
    [400, 'INVALID_INPUT', 'final'],
    [401, 'AUTH_FAILED', 'final'],
    [402, 'INSUFFICIENT_CREDITS', 'final'],
    [403, 'FORBIDDEN', 'final'],
    [404, 'NOT_FOUND', 'final'],
    [429, 'RATE_LIMITED', 'transient'],
    [500, 'VENDOR_ERROR', 'transient'],
    [503, 'VENDOR_UNAVAILABLE', 'transient'],
  ] as const)('HTTP %i is %s (%s) with a message a person can act on', (status, code, retry) => {
    const error = revidAdapter.mapError(res(status, { message: 'vendor words' }, { 'retry-after': '2' }), 'create');
    expect(error.code).toBe(code);
    expect(error.retry).toBe(retry);
    expect(error.message.length).toBeGreaterThan(20);
    expect(error.message).not.toContain('sk_live');
    if (status === 429) expect(error.retryAfterMs).toBe(2000);
  });

  it('says the key was refused on 401, in words that hold in any host, and how to fix credits on 402', () => {
    const auth = revidAdapter.mapError(res(401, {}), 'create');
    expect(auth).toMatchObject({ code: 'AUTH_FAILED', message: 'revid rejected the API key (401).' });
    expect(auth.message).not.toMatch(/Settings|EASEL_|command line/);
    expect(revidAdapter.mapError(res(402, {}), 'create').message).toMatch(/credits/i);
  });
});
