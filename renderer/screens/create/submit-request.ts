// The draft as the request jobs.submit takes, for the chosen model only: fields the model does
// not accept are left out (a negative prompt typed for another model stays in the form, unsent),
// and what would be refused is listed in plain words instead of being sent.
import type { ModelInfo } from '../../../shared/catalog';
import type { ProviderView } from '../../../shared/contract';
import type { SubmitInput } from '../../../shared/contract-jobs';
import type { Draft } from '../../state/draft-state';
import { canonicalChoice } from './model-choice';
import { paramProblem, type ParamValue } from './param-checks';
import { checkReferences } from './reference-checks';


export type BuiltRequest = { ok: true; input: SubmitInput } | { ok: false; problems: string[] };

/** Largest seed offered by "random": every vendor with a seed takes 32-bit values. */
const SEED_MAX = 2_147_483_647;

export function randomSeed(): number {
  const value = new Uint32Array(1);
  crypto.getRandomValues(value);
  return value[0]! % SEED_MAX;
}

export function buildRequest(draft: Draft, provider: ProviderView, model: ModelInfo): BuiltRequest {
  const problems: string[] = [];
  const prompt = draft.prompt.trim();
  if (!prompt) problems.push('Write a prompt: describe the picture you want.');
  if (model.promptMaxLength !== undefined && prompt.length > model.promptMaxLength) {
    problems.push(`The prompt is ${prompt.length - model.promptMaxLength} characters over ${model.label}’s limit of ${model.promptMaxLength}.`);
  }
  const references = checkReferences(draft.references, provider, model);
  if (references.missing) problems.push(references.missing);
  if (references.problems.size) {
    const n = references.problems.size;
    problems.push(`${n} reference image${n === 1 ? '' : 's'} cannot be sent with ${model.label} (the reason is shown on ${n === 1 ? 'it' : 'each'}). Remove ${n === 1 ? 'it' : 'them'} or choose another model.`);
  }
  const params: Record<string, ParamValue> = {};
  for (const [key, value] of Object.entries(draft.params)) {
    const spec = model.params.find((s) => s.key === key);
    if (!spec && !model.openParams) continue;
    if (value === '') continue;
    const problem = spec ? paramProblem(spec, value) : null;
    if (problem) problems.push(problem);
    else params[key] = value;
  }
  if (model.seed && draft.seedLocked && draft.seed === null) problems.push('Type the seed to reuse, or switch the seed back to random.');
  if (problems.length) return { ok: false, problems };

  const negativePrompt = draft.negativePrompt.trim();
  const aspectRatio = canonicalChoice(draft.aspectRatio, model.aspectRatios);
  const resolution = canonicalChoice(draft.resolution, model.resolutions);
  const input: SubmitInput = {
    provider: provider.id,
    model: model.id,
    prompt,
    ...(model.negativePrompt && negativePrompt ? { negativePrompt } : {}),
    ...(aspectRatio !== null ? { aspectRatio } : {}),
    ...(resolution !== null ? { resolution } : {}),
    count: model.counts.includes(draft.count) ? draft.count : (model.counts[0] ?? 1),
    // A random seed is drawn here rather than by the vendor, so every picture records the seed
    // that made it and "reuse last" can bring it back.
    ...(model.seed ? { seed: draft.seedLocked && draft.seed !== null ? draft.seed : randomSeed() } : {}),
    references: draft.references.map((r) => (r.kind === 'url' ? { kind: 'url' as const, url: r.value } : { kind: 'file' as const, path: r.value })),
    ...(Object.keys(params).length ? { params } : {}),
  };
  return { ok: true, input };
}
