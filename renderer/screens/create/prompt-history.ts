// The last prompts this person submitted, newest first, kept in localStorage (it never leaves
// the window) so ↑ in the prompt brings back what was sent a minute or a week ago.
import { createStore, type Store } from '../../state/external-store';

export type HistoryKind = 'prompt' | 'negative';

const LIMIT = 50;
const KEYS: Record<HistoryKind, string> = { prompt: 'easel.create.promptHistory', negative: 'easel.create.negativeHistory' };

const stores: Record<HistoryKind, Store<readonly string[]>> = {
  prompt: createStore(read('prompt')),
  negative: createStore(read('negative')),
};

export function historyStore(kind: HistoryKind): Store<readonly string[]> {
  return stores[kind];
}

export function rememberPrompt(kind: HistoryKind, text: string): void {
  const entry = text.trim();
  if (!entry) return;
  const next = [entry, ...stores[kind].get().filter((item) => item !== entry)].slice(0, LIMIT);
  stores[kind].set(next);
  try {
    localStorage.setItem(KEYS[kind], JSON.stringify(next));
  } catch {
    // A full or disabled storage only costs the history.
  }
}

function read(kind: HistoryKind): readonly string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEYS[kind]) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string').slice(0, LIMIT) : [];
  } catch {
    return [];
  }
}
