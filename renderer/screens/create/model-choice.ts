// Which model the form is for, and what happens to the rest of the request when it changes:
// choices the new model also accepts are kept, the others fall back to its defaults, so the
// form never holds a value the chosen model would refuse.
import type { ModelInfo } from '../../../shared/catalog';
import type { ProviderView } from '../../../shared/contract';
import type { Draft } from '../../state/draft-state';
import { paramProblem } from './param-checks';

export interface ModelRef {
  provider: ProviderView;
  model: ModelInfo;
}

const LAST_MODEL_KEY = 'easel.create.lastModel';

export function findModel(providers: readonly ProviderView[] | null, providerId: string | null, modelId: string | null): ModelRef | null {
  const provider = providers?.find((p) => p.id === providerId);
  const model = provider?.models.find((m) => m.id === modelId);
  return provider && model ? { provider, model } : null;
}

/** The last model used here, else the first one with a key, else the sandbox (always there). */
export function defaultModel(providers: readonly ProviderView[]): ModelRef | null {
  const [lastProvider, ...rest] = (readLastModel() ?? '').split('/');
  const last = findModel(providers, lastProvider ?? null, rest.join('/') || null);
  if (last) return last;
  const keyed = providers.find((p) => p.id !== 'sandbox' && p.keyPresent && p.models.length > 0);
  const fallback = keyed ?? providers.find((p) => p.id === 'sandbox' && p.models.length > 0) ?? providers.find((p) => p.models.length > 0);
  return fallback ? { provider: fallback, model: fallback.models[0]! } : null;
}

export function rememberModel(ref: ModelRef): void {
  try {
    localStorage.setItem(LAST_MODEL_KEY, `${ref.provider.id}/${ref.model.id}`);
  } catch {
    // Storage can be full or disabled; the choice is a convenience only.
  }
}

function readLastModel(): string | null {
  try {
    return localStorage.getItem(LAST_MODEL_KEY);
  } catch {
    return null;
  }
}

/** The catalog's own spelling of a choice ("2k" is "2K" for a model that lists 2K), or null. */
export function canonicalChoice(value: string | null | undefined, allowed: readonly string[]): string | null {
  if (value === null || value === undefined) return null;
  const wanted = value.trim().toLowerCase();
  return allowed.find((choice) => choice.toLowerCase() === wanted) ?? null;
}

/** The parts of the draft to change when the person picks `next` (coming from `previous`). */
export function draftForModel(draft: Draft, next: ModelRef, previous: ModelInfo | null): Partial<Draft> {
  const { model } = next;
  // A value is kept only where the new model takes it as it is: "jpeg" for kvid's format is not
  // one of Nano Banana's (png, jpg), and the form would otherwise show one and send the other.
  const keepParams = Object.fromEntries(
    Object.entries(draft.params).filter(([key, value]) => {
      const spec = model.params.find((candidate) => candidate.key === key);
      if (spec) return paramProblem(spec, value) === null;
      return model.openParams && previous?.openParams === true;
    }),
  );
  return {
    provider: next.provider.id,
    model: model.id,
    aspectRatio: canonicalChoice(draft.aspectRatio, model.aspectRatios),
    resolution: canonicalChoice(draft.resolution, model.resolutions),
    count: model.counts.includes(draft.count) ? draft.count : (model.counts[0] ?? 1),
    params: keepParams,
  };
}
