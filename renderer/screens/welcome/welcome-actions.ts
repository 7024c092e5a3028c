// What the welcome's two offers do.
import { focusSoon } from '../../app/focus-target';
import { draftStore, emptyDraft } from '../../state/draft-state';
import { go } from '../../state/navigation-state';

/** An example that shows off the sandbox's painter: "dusk" and "sea" pick its warm coast palette. */
export const SANDBOX_EXAMPLE_PROMPT = 'A lighthouse on a rocky coast at dusk, warm light over a calm sea';

export function trySandbox(): void {
  // A fresh request: settings of another model (aspect ratio, params) would not fit the sandbox.
  draftStore.set({ ...emptyDraft, provider: 'sandbox', model: 'sketch', prompt: SANDBOX_EXAMPLE_PROMPT });
  go('create');
  focusSoon('prompt');
}

export function addKey(): void {
  go('settings');
  focusSoon('key');
}
