// The picture grid: rows of fixed-size squares, virtualized (only the rows on screen, plus a
// few, exist in the page), so twenty thousand pictures cost what forty do. Pages of the library
// load as rows come near. The grid holds keyboard focus itself and marks the active picture
// (aria-activedescendant): arrows move, Enter opens, F toggles the favourite.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import type { LibraryPages } from '../../state/library-query';
import { cellId, LibraryCell } from './LibraryCell';
import { useContentWidth } from './use-content-width';
import { useFastScroll } from './use-fast-scroll';

const MIN_CELL = 168;
const GAP = 10;

interface GridProps {
  pages: LibraryPages;
  total: number;
  /** Changes whenever a page arrives. */
  revision: number;
  active: number;
  onActiveChange: (index: number) => void;
  onOpen: (index: number) => void;
  onToggleFavorite: (index: number) => void;
}

export function LibraryGrid({ pages, total, revision, active, onActiveChange, onOpen, onToggleFavorite }: GridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useContentWidth(scrollRef);
  const flinging = useFastScroll(scrollRef);
  const columns = width > 0 ? Math.max(2, Math.floor((width + GAP) / (MIN_CELL + GAP))) : 0;
  const cell = columns > 0 ? Math.floor((width - GAP * (columns - 1)) / columns) : 0;
  const rowCount = columns > 0 ? Math.ceil(total / columns) : 0;

  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => cell + GAP,
    overscan: 2,
    // Render new rows in their own task rather than inside the scroll event: the browser can
    // scroll (and paint what it has) while React works.
    useFlushSync: false,
  });

  useLayoutEffect(() => {
    virtualizer.measure();
  }, [virtualizer, cell]);

  const rows = virtualizer.getVirtualItems();
  const firstRow = rows[0]?.index ?? 0;
  const lastRow = rows.at(-1)?.index ?? 0;

  useEffect(() => {
    if (columns > 0) pages.ensure(firstRow * columns, (lastRow + 1) * columns - 1);
  }, [pages, firstRow, lastRow, columns]);

  // Keep the active picture in view when it moves (keys, or next/previous in the detail view).
  // A grid that opens with a picture already active (the person is back from Create) centres it.
  const activeRow = columns > 0 ? Math.floor(active / columns) : 0;
  const scrolledFor = useRef(-1);
  useEffect(() => {
    if (columns === 0 || rowCount === 0 || scrolledFor.current === active) return;
    const first = scrolledFor.current === -1;
    scrolledFor.current = active;
    if (active > 0) virtualizer.scrollToIndex(activeRow, { align: first ? 'center' : 'auto' });
  }, [virtualizer, active, activeRow, columns, rowCount]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // The ring on the active picture is for keyboard use; a click on a picture does not need it.
    event.currentTarget.dataset.keyboard = '';
    if (total === 0 || columns === 0 || event.altKey) return;
    const mod = event.ctrlKey || event.metaKey;
    const visibleRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / (cell + GAP)));
    const rowStart = active - (active % columns);
    let next: number | null = null;
    switch (event.key) {
      case 'ArrowRight':
        next = active + 1;
        break;
      case 'ArrowLeft':
        next = active - 1;
        break;
      case 'ArrowDown':
        next = active + columns < total ? active + columns : active;
        break;
      case 'ArrowUp':
        next = active - columns >= 0 ? active - columns : active;
        break;
      case 'Home':
        next = mod ? 0 : rowStart;
        break;
      case 'End':
        next = mod ? total - 1 : rowStart + columns - 1;
        break;
      case 'PageDown':
        next = Math.min(active + columns * visibleRows, total - 1);
        break;
      case 'PageUp':
        next = Math.max(active - columns * visibleRows, active % columns);
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        if (pages.itemAt(active)) onOpen(active);
        return;
      case 'f':
      case 'F':
        if (mod || event.shiftKey) return;
        event.preventDefault();
        if (pages.itemAt(active)) onToggleFavorite(active);
        return;
      default:
        return;
    }
    event.preventDefault();
    onActiveChange(Math.min(total - 1, Math.max(0, next)));
  };

  const activeShown = activeRow >= firstRow && activeRow <= lastRow && pages.itemAt(active) !== undefined;

  return (
    <div
      ref={scrollRef}
      className="library-grid"
      role="grid"
      aria-label="Pictures"
      aria-rowcount={rowCount}
      aria-colcount={columns}
      aria-activedescendant={activeShown ? cellId(active) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={(event) => delete event.currentTarget.dataset.keyboard}
    >
      <div className="library-grid-inner" role="presentation" style={{ height: virtualizer.getTotalSize() }}>
        {cell > 0
          ? rows.map((row) => (
              <GridRow
                key={row.index}
                row={row.index}
                start={row.start}
                columns={columns}
                cell={cell}
                total={total}
                revision={revision}
                active={activeRow === row.index ? active : -1}
                pages={pages}
                deferImages={flinging}
                onOpen={onOpen}
              />
            ))
          : null}
      </div>
    </div>
  );
}

interface RowProps {
  row: number;
  start: number;
  columns: number;
  cell: number;
  total: number;
  /** Not read: a new value re-renders the row when a page arrives. */
  revision: number;
  /** The active index when it is in this row, else -1. */
  active: number;
  pages: LibraryPages;
  /** The grid is being flung: cells not yet shown keep their placeholder. */
  deferImages: boolean;
  onOpen: (index: number) => void;
}

const GridRow = memo(function GridRow({ row, start, columns, cell, total, active, pages, deferImages, onOpen }: RowProps) {
  const first = row * columns;
  const count = Math.min(columns, total - first);
  return (
    <div className="library-row" role="row" aria-rowindex={row + 1} style={{ transform: `translateY(${start}px)`, height: cell, gap: GAP }}>
      {Array.from({ length: count }, (_, column) => {
        const index = first + column;
        return <LibraryCell key={index} index={index} column={column} item={pages.itemAt(index)} size={cell} active={index === active} deferImage={deferImages} onOpen={onOpen} />;
      })}
    </div>
  );
});
