// References dropped twice: the draft keeps one, and the copy's preview (a blob: URL holding the
// whole file in memory) is released at once rather than held for the rest of the session.
import { resolveObjectURL } from 'node:buffer';
import { beforeEach, describe, expect, it } from 'vitest';
import { addReferences, draftStore, emptyDraft, type DraftReference } from '../../../renderer/state/draft-state';

function dropped(path: string): DraftReference {
  const preview = URL.createObjectURL(new Blob([`pixels of ${path}`], { type: 'image/png' }));
  return { id: `${path}-${Math.random()}`, kind: 'file', value: path, label: path, preview, fromLibrary: false, mime: 'image/png', bytes: 10, refusal: null };
}

beforeEach(() => draftStore.set(emptyDraft));

describe('a picture dropped twice', () => {
  it('is kept once, and the second copy’s preview memory is released', () => {
    const first = dropped('/pictures/harbour.png');
    addReferences([first]);
    const again = dropped('/pictures/harbour.png');
    addReferences([again]);

    expect(draftStore.get().references.map((r) => r.id)).toEqual([first.id]);
    expect(resolveObjectURL(again.preview!)).toBeUndefined();
    expect(resolveObjectURL(first.preview!)).toBeDefined();
  });
});
