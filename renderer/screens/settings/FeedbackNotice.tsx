import { Notice } from '../../ui/Notice';
import type { SaveState } from './use-save-feedback';

/** The end of a change that did not go through: a refusal from main, or the person's "no". */
export function FeedbackNotice({ state }: { state: SaveState }) {
  if (state.kind === 'error') return <Notice tone="error">{state.message}</Notice>;
  if (state.kind === 'declined') return <Notice tone="info">{state.message}</Notice>;
  return null;
}
