// One square in the grid: the thumbnail at a fixed size (no layout shift while it loads), a
// star when it is a favourite, and the prompt on hover. The cell is not focusable itself: the
// grid keeps focus and points at the active cell (aria-activedescendant), so focus survives
// cells being recycled as the grid scrolls.
import { memo } from 'react';
import type { LibraryItemView } from '../../../shared/contract-library';
import { Icon } from '../../ui/Icon';
import { startInAppDrag } from './picture-drag';

interface CellProps {
  index: number;
  column: number;
  item: LibraryItemView | undefined;
  size: number;
  active: boolean;
  /** The grid is being flung: show the placeholder unless this thumbnail has been shown before. */
  deferImage: boolean;
  onOpen: (index: number) => void;
}

export function cellId(index: number): string {
  return `library-cell-${index}`;
}

/**
 * Thumbnails this window has shown recently: they are very likely still in the browser's memory
 * cache, so showing one again mid-fling is cheap. Only the most recent are kept (a few screens'
 * worth), because older ones have probably been evicted and would be decoded again anyway.
 */
const RECENT_THUMBS = 600;
const shownThumbs = new Set<string>();

function rememberShown(url: string): void {
  shownThumbs.delete(url);
  shownThumbs.add(url);
  // A Set iterates in insertion order: the first entry is the one shown longest ago.
  if (shownThumbs.size > RECENT_THUMBS) shownThumbs.delete(shownThumbs.values().next().value!);
}

export const LibraryCell = memo(function LibraryCell({ index, column, item, size, active, deferImage, onOpen }: CellProps) {
  if (!item) {
    return <div className="lib-cell lib-cell-loading" role="gridcell" aria-colindex={column + 1} aria-busy="true" aria-label="Loading" style={{ width: size, height: size }} />;
  }
  const big = item.thumbUrl.replace('/thumb/256/', '/thumb/512/');
  const showImage = !deferImage || shownThumbs.has(item.thumbUrl);
  return (
    <div
      id={cellId(index)}
      className="lib-cell"
      role="gridcell"
      aria-colindex={column + 1}
      aria-label={`${item.prompt || 'No prompt'}${item.favorite ? ', favourite' : ''}`}
      aria-selected={active}
      data-active={active || undefined}
      data-image-id={item.imageId}
      style={{ width: size, height: size }}
      draggable
      onDragStart={(event) => startInAppDrag(event, item)}
      onClick={() => onOpen(index)}
    >
      {showImage ? (
        <img
          src={item.thumbUrl}
          srcSet={big !== item.thumbUrl ? `${item.thumbUrl} 256w, ${big} 512w` : undefined}
          sizes={`${Math.round(size)}px`}
          width={size}
          height={size}
          alt=""
          loading="lazy"
          decoding="async"
          draggable={false}
          onLoad={() => rememberShown(item.thumbUrl)}
        />
      ) : null}
      {item.favorite ? (
        <span className="lib-cell-star" title="Favourite">
          <Icon name="star" size={14} filled />
        </span>
      ) : null}
      <span className="lib-cell-caption" aria-hidden="true">
        {item.prompt}
      </span>
    </div>
  );
});
