// Library → Create: use a picture's prompt, remix it (same settings, a new seed), or use it as
// a reference. Each fills the shared draft and opens Create, where the person reviews and sends.
import type { JobView } from '../../../shared/contract-jobs';
import type { LibraryItemView } from '../../../shared/contract-library';
import type { ProviderView } from '../../../shared/contract';
import { draftStore, updateDraft, type DraftReference } from '../../state/draft-state';
import { go } from '../../state/navigation-state';
import { findModel } from '../activity/catalog-lookup';

/** Seeds every vendor accepts: 31 bits. */
const SEED_RANGE = 2 ** 31 - 1;

export function newSeed(previous: number | undefined): number {
  const values = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(values);
    const seed = values[0]! % SEED_RANGE;
    if (seed !== previous) return seed;
  }
}

function fileName(value: string): string {
  return value.split(/[\\/]/).pop() || value;
}

function referenceLabel(value: string): string {
  try {
    const url = new URL(value);
    return `${url.host}${url.pathname}`;
  } catch {
    return fileName(value);
  }
}

export function fillPrompt(item: LibraryItemView): void {
  updateDraft({ prompt: item.prompt, negativePrompt: item.negativePrompt ?? '' });
  go('create');
}

/** Same provider, model, prompts, size, count and parameters as the picture; a fresh seed. */
export function remix(item: LibraryItemView, job: JobView | null, providers: readonly ProviderView[] | null): void {
  const request = job?.request;
  const model = findModel(providers, item.provider, item.model);
  const references: DraftReference[] = (request?.references ?? []).map((ref) => {
    const value = ref.kind === 'file' ? ref.path : ref.url;
    return { id: crypto.randomUUID(), kind: ref.kind, value, label: referenceLabel(value), preview: null, fromLibrary: false };
  });
  updateDraft({
    provider: item.provider,
    model: item.model,
    prompt: item.prompt,
    negativePrompt: item.negativePrompt ?? request?.negativePrompt ?? '',
    aspectRatio: item.aspectRatio ?? request?.aspectRatio ?? null,
    resolution: request?.resolution ?? null,
    count: request?.count ?? 1,
    // A model that takes no seed gets none; otherwise a new one, shown so it can be reused.
    seed: model && !model.seed ? null : newSeed(item.seed),
    seedLocked: false,
    params: { ...(request?.params ?? {}) },
    references,
  });
  go('create');
}

export function addAsReference(item: LibraryItemView): void {
  const current = draftStore.get().references;
  if (!current.some((ref) => ref.kind === 'file' && ref.value === item.path)) {
    const reference: DraftReference = {
      id: crypto.randomUUID(),
      kind: 'file',
      value: item.path,
      // Named by its prompt, as a picture dragged from the grid is: that is how a person knows it.
      label: item.prompt.trim() || 'Library picture',
      preview: item.thumbUrl,
      fromLibrary: true,
    };
    updateDraft({ references: [...current, reference] });
  }
  go('create');
}
