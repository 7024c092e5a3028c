// Dropped and pasted files are previewed through blob: URLs, which hold the file in memory until
// revoked. The draft can lose references from anywhere (removed here, replaced by a Library
// remix), so previews are released when no reference shows them any more.
import { draftStore } from '../../state/draft-state';

let shown = new Set<string>();

draftStore.subscribe(() => {
  const now = new Set(draftStore.get().references.flatMap((r) => (r.preview?.startsWith('blob:') ? [r.preview] : [])));
  for (const url of shown) if (!now.has(url)) URL.revokeObjectURL(url);
  shown = now;
});
