// LibraryItem → LibraryItemView: the item with its easel-media: addresses, without the sidecar
// path (the record beside the picture is the library's business, not the window's).
import type { LibraryItemView } from '../../../shared/contract-library';
import type { LibraryItem } from '../library/library';
import { mediaUrlsFor } from './media-url';

export function toLibraryItemView(item: LibraryItem, libraryRoot: string, mediaBase: string): LibraryItemView {
  const { sidecarPath: _sidecar, ...rest } = item;
  return { ...rest, ...mediaUrlsFor(libraryRoot, item.path, mediaBase) };
}
