// Turns `generate` flags into a vendor-neutral request. Only shape is checked here (numbers are
// numbers, key=value has an '='); what a model accepts is the core's validation, so the CLI
// and the desktop form refuse the same things with the same words.
import path from 'node:path';
import type { GenerationRequestInput, Reference } from '../../shared/domain';
import { UsageError } from './cli-error';

export interface GenerateFlags {
  provider?: string;
  model?: string;
  prompt?: string;
  negative?: string;
  aspect?: string;
  resolution?: string;
  count?: string;
  seed?: string;
  ref?: string[];
  param?: string[];
}

export function requestFromFlags(flags: GenerateFlags, defaultModel: (provider: string) => string | undefined): GenerationRequestInput {
  if (!flags.provider) throw new UsageError('Say which provider to use: --provider <id> (see `easel providers`).');
  const model = flags.model ?? defaultModel(flags.provider);
  if (!model) throw new UsageError(`Say which model to use: --model <id> (see \`easel providers\`).`);
  if (flags.prompt === undefined) throw new UsageError('Give a prompt: --prompt "what you want to see".');
  return {
    provider: flags.provider as GenerationRequestInput['provider'],
    model,
    prompt: flags.prompt,
    ...(flags.negative !== undefined ? { negativePrompt: flags.negative } : {}),
    ...(flags.aspect !== undefined ? { aspectRatio: flags.aspect } : {}),
    ...(flags.resolution !== undefined ? { resolution: flags.resolution } : {}),
    count: flags.count === undefined ? 1 : wholeNumber('--count', flags.count, 1),
    ...(flags.seed !== undefined ? { seed: wholeNumber('--seed', flags.seed, 0) } : {}),
    references: (flags.ref ?? []).map(referenceFrom),
    params: Object.fromEntries((flags.param ?? []).map(paramFrom)),
  };
}

function wholeNumber(flag: string, raw: string, min: number): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min) {
    throw new UsageError(`${flag} needs a whole number${min > 0 ? ` of at least ${min}` : ''} (got "${raw}").`);
  }
  return value;
}

function referenceFrom(raw: string): Reference {
  if (/^https?:\/\//i.test(raw)) {
    try {
      return { kind: 'url', url: new URL(raw).toString() };
    } catch {
      throw new UsageError(`--ref ${raw} is not a valid URL.`);
    }
  }
  return { kind: 'file', path: path.resolve(raw) };
}

function paramFrom(raw: string): [string, string] {
  const at = raw.indexOf('=');
  if (at <= 0) throw new UsageError(`--param needs key=value (got "${raw}").`);
  return [raw.slice(0, at).trim(), raw.slice(at + 1)];
}
