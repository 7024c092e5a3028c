// The sandbox's "server", in process: it answers the sandbox adapter's requests and serves its
// pictures, with a short simulated delay and progress, and never touches the network.
import { randomInt } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { EaselError } from '../../errors/easel-error';
import type { DownloadedFile } from '../../http/download-file';
import type { RequestSpec, VendorResponse } from '../../http/request-spec';
import { paint, sandboxSize } from './sandbox-painter';
import { decodeOrder, encodeOrder } from './sandbox-token';

const CreateSchema = z.object({
  prompt: z.string(),
  seed: z.number().int().optional(),
  aspect: z.string(),
  resolution: z.string(),
  count: z.number().int(),
  style: z.string(),
  reference: z.string().optional(),
});

export interface SandboxStudio {
  send(spec: RequestSpec): Promise<VendorResponse>;
  download(url: string, tempPath: string): Promise<DownloadedFile>;
}

/** `delayMs`: how long a sandbox job "generates" (EASEL_SANDBOX_DELAY_MS; 1.5 s by default). */
export function createSandboxStudio(delayMs = 1500): SandboxStudio {
  const json = (status: number, value: unknown): VendorResponse => ({ status, headers: { 'content-type': 'application/json' }, text: JSON.stringify(value) });
  return {
    async send(spec) {
      const path = new URL(spec.url).pathname;
      if (spec.method === 'POST' && path === '/jobs' && spec.body.kind === 'json') {
        const body = CreateSchema.parse(spec.body.value);
        const seed = body.seed ?? randomInt(0, 2 ** 31);
        return json(200, { id: encodeOrder({ ...body, seed, createdAt: Date.now() }) });
      }
      const match = /^\/jobs\/(sbx_[\w-]+)$/.exec(path);
      const order = match ? decodeOrder(match[1]!) : null;
      if (spec.method === 'GET' && order) {
        const progress = Math.min(1, (Date.now() - order.createdAt) / delayMs);
        if (progress < 1) return json(200, { status: 'running', progress, images: [] });
        const { width, height } = sandboxSize(order.aspect, order.resolution);
        const images = Array.from({ length: order.count }, (_, i) => ({ url: `sandbox://studio/images/${match![1]}/${i}.png`, width, height }));
        return json(200, { status: 'succeeded', progress: 1, images });
      }
      return json(404, { message: `No sandbox route for ${spec.method} ${path}` });
    },
    async download(url, tempPath) {
      const match = /^sandbox:\/\/studio\/images\/(sbx_[\w-]+)\/(\d+)\.png$/.exec(url);
      const order = match ? decodeOrder(match[1]!) : null;
      if (!order) throw new EaselError('RESULT_EXPIRED', 'The sandbox has no such picture.');
      const { width, height } = sandboxSize(order.aspect, order.resolution);
      const bytes = await paint({
        prompt: order.prompt,
        seed: order.seed,
        index: Number(match![2]),
        width,
        height,
        style: order.style,
        ...(order.reference ? { reference: order.reference } : {}),
      });
      await fs.writeFile(tempPath, bytes);
      return { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), contentType: 'image/png' };
    },
  };
}
