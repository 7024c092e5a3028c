// The Create form's request, shared so that Library actions (use prompt, remix, use as
// reference) can fill it from anywhere.
import type { SubmitInput } from '../../shared/contract-jobs';
import { createStore } from './external-store';

export interface DraftReference {
  /** Stable key for React lists and reordering. */
  id: string;
  kind: 'file' | 'url';
  /** Local path (files) or URL. */
  value: string;
  /** What the person sees: file name or host/path. */
  label: string;
  /** A preview the page may show (blob: URL for dropped files, easel-media thumbnail for library pictures). */
  preview: string | null;
  /** A library picture used as reference: its vendor link may still serve URL-only models. */
  fromLibrary: boolean;
  /** The file's true type from its first bytes, when known (dropped and pasted files). */
  mime?: string | null;
  /** The file's size, when known. */
  bytes?: number | null;
  /** Why this item can never be sent (not a picture, not on disk), whatever the model. */
  refusal?: string | null;
}

export interface Draft {
  provider: SubmitInput['provider'] | null;
  model: string | null;
  prompt: string;
  negativePrompt: string;
  aspectRatio: string | null;
  resolution: string | null;
  count: number;
  seed: number | null;
  seedLocked: boolean;
  params: Record<string, string | number | boolean>;
  references: DraftReference[];
}

export const emptyDraft: Draft = {
  provider: null,
  model: null,
  prompt: '',
  negativePrompt: '',
  aspectRatio: null,
  resolution: null,
  count: 1,
  seed: null,
  seedLocked: false,
  params: {},
  references: [],
};

export const draftStore = createStore<Draft>(emptyDraft);

export function updateDraft(patch: Partial<Draft>): void {
  draftStore.set((current) => ({ ...current, ...patch }));
}

export function addReferences(references: readonly DraftReference[]): void {
  if (references.length === 0) return;
  let fresh: readonly DraftReference[] = [];
  draftStore.set((current) => {
    // The same file or address twice is almost always a double drop.
    const known = new Set(current.references.filter((r) => r.value !== '').map((r) => `${r.kind}:${r.value}`));
    fresh = references.filter((r) => r.value === '' || !known.has(`${r.kind}:${r.value}`));
    return fresh.length ? { ...current, references: [...current.references, ...fresh] } : current;
  });
  // A duplicate never enters the draft, so nothing else would release its preview's memory.
  for (const reference of references) {
    if (!fresh.includes(reference) && reference.preview?.startsWith('blob:')) URL.revokeObjectURL(reference.preview);
  }
}

export function removeReference(id: string): void {
  draftStore.set((current) => ({ ...current, references: current.references.filter((r) => r.id !== id) }));
}

/** Moves a reference to `index` (clamped); the order is the order the vendor receives them in. */
export function moveReference(id: string, index: number): void {
  draftStore.set((current) => {
    const from = current.references.findIndex((r) => r.id === id);
    if (from < 0) return current;
    const to = Math.max(0, Math.min(current.references.length - 1, index));
    if (to === from) return current;
    const next = [...current.references];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved!);
    return { ...current, references: next };
  });
}
