// Library → Create: use a picture's prompt, remix it (same settings, a new seed), or use it as
// a reference. Each fills the shared draft and opens Create, where the person reviews and sends.
// Remix works from the picture's own record (library.get), so it is the same for a picture made
// a minute ago and one whose job left Activity long ago.
import type { ModelInfo } from '../../../shared/catalog';
import type { ProviderView } from '../../../shared/contract';
import type { LibraryItemView, PictureDetailView, PictureReferenceView } from '../../../shared/contract-library';
import { draftStore, updateDraft, type Draft, type DraftReference } from '../../state/draft-state';
import { go } from '../../state/navigation-state';
import { findModel } from '../activity/catalog-lookup';
import { shortUrl } from './picture-format';

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

export function fillPrompt(item: LibraryItemView): void {
  updateDraft({ prompt: item.prompt, negativePrompt: item.negativePrompt ?? '' });
  go('create');
}

/** A reference of the picture's record as an item of Create's tray, with what the disk said of it. */
export function referenceForDraft(reference: PictureReferenceView): DraftReference {
  const id = crypto.randomUUID();
  if (reference.kind === 'url') {
    return { id, kind: 'url', value: reference.url, label: shortUrl(reference.url), preview: null, fromLibrary: false, mime: null, bytes: null, refusal: null };
  }
  const known = { mime: reference.mime ?? null, bytes: reference.bytes ?? null };
  if (!reference.onDisk) {
    return {
      id,
      kind: 'file',
      value: reference.path,
      label: reference.library?.prompt.trim() || reference.name,
      preview: null,
      fromLibrary: false,
      ...known,
      refusal: `${reference.name} is no longer at ${reference.path}. Remove it, or add the picture again.`,
    };
  }
  if (reference.library) {
    return { id, kind: 'file', value: reference.path, label: reference.library.prompt.trim() || 'Library picture', preview: reference.library.thumbUrl, fromLibrary: true, ...known, refusal: null };
  }
  return { id, kind: 'file', value: reference.path, label: reference.name, preview: null, fromLibrary: false, ...known, refusal: null };
}

/**
 * The draft a remix starts from: the picture's provider, model, prompts, aspect ratio,
 * resolution, count, parameters and references, and a seed it was not made with (random per
 * job, as Create's default is). `model` is the catalog's entry, when the catalog has it.
 */
export function remixDraft(picture: PictureDetailView, model: ModelInfo | undefined): Draft {
  return {
    provider: picture.provider,
    model: picture.model,
    prompt: picture.prompt,
    negativePrompt: picture.negativePrompt ?? '',
    aspectRatio: picture.aspectRatio ?? null,
    resolution: picture.resolution ?? null,
    count: picture.count,
    // A model that takes no seed gets none. Otherwise Create draws a new one for each job; this
    // one, unlike the picture's, is what "Fixed" starts from.
    seed: model && !model.seed ? null : newSeed(picture.seed),
    seedLocked: false,
    params: { ...picture.params },
    references: picture.references.map(referenceForDraft),
  };
}

/** Same provider, model, prompts, size, count, parameters and references as the picture; a fresh seed. */
export function remix(picture: PictureDetailView, providers: readonly ProviderView[] | null): void {
  draftStore.set(remixDraft(picture, findModel(providers, picture.provider, picture.model)));
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
