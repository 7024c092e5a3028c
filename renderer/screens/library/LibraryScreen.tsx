// The library: search and filters, a virtualized grid of every picture, and a detail view for
// the one open (navigation.imageId, so Activity and notifications can open a picture too).
// Pages come from library.query as the person scrolls and reload when main reports a change.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LibraryItemView } from '../../../shared/contract-library';
import { easel, errorOf } from '../../easel-bridge';
import { catalogStore } from '../../state/catalog-state';
import { useStore } from '../../state/external-store';
import { useLibraryPages } from '../../state/library-query';
import { go, navigationStore } from '../../state/navigation-state';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { hasFilters, NO_FILTERS, toLibraryQuery } from './library-filters';
import { libraryView, setLibraryActive as setActive, setLibraryFilters as setFilters } from './library-view-state';
import { LibraryGrid } from './LibraryGrid';
import { LibraryEmpty, LibraryLoading, LibraryNoMatch } from './LibraryStates';
import { LibraryFilterBar } from './LibraryFilterBar';
import { PictureDetail } from './PictureDetail';
import { SearchBox } from './SearchBox';
import './library.css';

async function toggleFavorite(item: LibraryItemView): Promise<string | null> {
  try {
    await easel().library.favorite({ imageId: item.imageId, favorite: !item.favorite });
    return null;
  } catch (error) {
    return errorOf(error).message;
  }
}

export function LibraryScreen() {
  const { filters, active } = useStore(libraryView);
  const [favoriteError, setFavoriteError] = useState<string | null>(null);
  const query = useMemo(() => toLibraryQuery(filters), [filters]);
  const { pages, state } = useLibraryPages(query);
  const providers = useStore(catalogStore).data;
  const { imageId } = useStore(navigationStore);
  const total = state.total ?? 0;
  const filtered = hasFilters(filters);

  useEffect(() => {
    if (total > 0 && active > total - 1) setActive(total - 1);
  }, [active, total]);

  // The open picture's place in the grid, and its neighbours for ← and →.
  const index = imageId === null ? -1 : pages.indexOf(imageId);
  useEffect(() => {
    if (index < 0) return;
    setActive(index);
    pages.ensure(Math.max(0, index - 1), index + 1);
  }, [index, pages]);

  const open = useCallback(
    (at: number) => {
      const item = pages.itemAt(at);
      if (!item) return;
      setActive(at);
      go('library', { imageId: item.imageId });
    },
    [pages],
  );

  const favoriteAt = useCallback(
    (at: number) => {
      const item = pages.itemAt(at);
      if (!item) return;
      setFavoriteError(null);
      void toggleFavorite(item).then(setFavoriteError);
    },
    [pages],
  );

  const onSearch = useCallback((text: string) => setFilters((current) => (current.text === text ? current : { ...current, text })), []);

  // Nothing to search or filter in an empty library: the empty state speaks alone.
  const empty = state.total === 0 && !filtered;
  const countText =
    state.total === null || empty ? '' : filtered ? `${total.toLocaleString()} ${total === 1 ? 'match' : 'matches'}` : `${total.toLocaleString()} ${total === 1 ? 'picture' : 'pictures'}`;

  return (
    <section className="screen library-screen" aria-labelledby="library-title">
      <header className="screen-header library-header">
        <h1 id="library-title">Library</h1>
        <p className="library-count" aria-live="polite">
          {countText}
        </p>
        <span className="spacer" />
        {empty ? null : <SearchBox value={filters.text} onSearch={onSearch} />}
      </header>
      {empty ? null : <LibraryFilterBar filters={filters} providers={providers} onChange={setFilters} />}

      {favoriteError ? (
        <div className="library-notice">
          <Notice
            tone="error"
            action={
              <Button small variant="ghost" icon="close" aria-label="Dismiss" onClick={() => setFavoriteError(null)} />
            }
          >
            {favoriteError}
          </Notice>
        </div>
      ) : null}

      {state.status === 'error' ? (
        <div className="library-notice">
          <Notice
            tone="error"
            title={state.total === null ? 'The library could not be loaded' : 'Some pictures could not be loaded'}
            action={
              <Button small icon="refresh" onClick={() => pages.retry()}>
                Try again
              </Button>
            }
          >
            {state.message}
          </Notice>
        </div>
      ) : null}

      {state.total === null ? (
        state.status === 'loading' ? <LibraryLoading /> : null
      ) : total === 0 ? (
        <div className="library-empty">{filtered ? <LibraryNoMatch filters={filters} onClear={() => setFilters(NO_FILTERS)} /> : <LibraryEmpty />}</div>
      ) : (
        // A new query is a new grid: scrolled to the top, first picture active.
        <LibraryGrid key={pages.key} pages={pages} total={total} revision={state.revision} active={active} onActiveChange={setActive} onOpen={open} onToggleFavorite={favoriteAt} />
      )}

      {imageId !== null ? (
        <PictureDetail
          imageId={imageId}
          known={index >= 0 ? pages.itemAt(index) : undefined}
          index={index}
          total={total}
          previous={index > 0 ? pages.itemAt(index - 1) : undefined}
          next={index >= 0 ? pages.itemAt(index + 1) : undefined}
          providers={providers}
          onShow={(id) => go('library', { imageId: id })}
          onClose={() => go('library')}
          onToggleFavorite={toggleFavorite}
        />
      ) : null}
    </section>
  );
}
