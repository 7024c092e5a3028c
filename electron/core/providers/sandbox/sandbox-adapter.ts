// The sandbox as a provider: a pure translator like every other adapter, talking to the
// in-process sandbox studio at sandbox:// URLs (see sandbox-studio.ts) through the same runner,
// budgets, downloads and library as the real vendors.
import { EaselError } from '../../errors/easel-error';
import type { PollOutcome, ProviderAdapter } from '../provider-adapter';
import { parseJsonBody } from '../parse-json-body';
import { SANDBOX_MODELS } from './sandbox-catalog';
import { z } from 'zod';

export const SANDBOX_BASE_URL = 'sandbox://studio';

const PollSchema = z.object({
  status: z.enum(['running', 'succeeded']),
  progress: z.number(),
  images: z.array(z.object({ url: z.string(), width: z.number(), height: z.number() })).default([]),
});

export const sandboxAdapter: ProviderAdapter = {
  id: 'sandbox',
  label: 'Sandbox',
  defaultBaseUrl: SANDBOX_BASE_URL,
  keyEnv: null,
  idempotentCreate: true,
  budget: {},
  models: SANDBOX_MODELS,

  buildCreate(request, references) {
    const reference = references.find((r) => r.kind === 'file');
    return {
      method: 'POST',
      url: `${SANDBOX_BASE_URL}/jobs`,
      headers: {},
      body: {
        kind: 'json',
        value: {
          prompt: request.prompt,
          seed: request.seed,
          aspect: request.aspectRatio ?? '1:1',
          resolution: request.resolution ?? '1k',
          count: request.count,
          style: String(request.params.style ?? 'landscape'),
          ...(reference?.kind === 'file' ? { reference: reference.path } : {}),
        },
      },
    };
  },

  parseCreate(response) {
    const body = z.object({ id: z.string() }).safeParse(parseJsonBody(response, 'The sandbox'));
    if (!body.success) throw new EaselError('BAD_RESPONSE', 'The sandbox gave no job id.', { delivery: 'unknown' });
    return { vendorJobId: body.data.id };
  },

  buildPoll(vendorJobId) {
    return { method: 'GET', url: `${SANDBOX_BASE_URL}/jobs/${vendorJobId}`, headers: {}, body: { kind: 'none' } };
  },

  parsePoll(response): PollOutcome {
    const body = PollSchema.parse(parseJsonBody(response, 'The sandbox'));
    if (body.status === 'running') return { kind: 'running', progress: body.progress };
    return { kind: 'succeeded', images: body.images, costCredits: 0 };
  },

  mapError(response) {
    return new EaselError('VENDOR_ERROR', `The sandbox could not make this picture: ${response.text.slice(0, 200)}`, { status: response.status });
  },
};
