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
