// The sandbox keeps no state: its "vendor job id" carries the whole request, so a job resumed
// after a crash or restart is answered exactly as before.
import { z } from 'zod';

export const SandboxOrderSchema = z.object({
  prompt: z.string(),
  seed: z.number().int(),
  aspect: z.string(),
  resolution: z.string(),
  count: z.number().int().min(1).max(4),
  style: z.string(),
  reference: z.string().optional(),
  createdAt: z.number(),
});
export type SandboxOrder = z.infer<typeof SandboxOrderSchema>;

export function encodeOrder(order: SandboxOrder): string {
  return `sbx_${Buffer.from(JSON.stringify(order)).toString('base64url')}`;
}

export function decodeOrder(token: string): SandboxOrder | null {
  if (!token.startsWith('sbx_')) return null;
  try {
    return SandboxOrderSchema.parse(JSON.parse(Buffer.from(token.slice(4), 'base64url').toString('utf8')));
  } catch {
    return null;
  }
}
