// What the library shows instead of a grid: while the first page loads, when there is nothing
// yet, and when a search or filter matches nothing. Never a blank pane.
import { updateDraft } from '../../state/draft-state';
import { go } from '../../state/navigation-state';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import type { LibraryFilters } from './library-filters';

const SKELETON_CELLS = 18;

export function LibraryLoading() {
  return (
    <div className="library-skeleton" role="status" aria-label="Loading your library">
      {Array.from({ length: SKELETON_CELLS }, (_, i) => (
        <span key={i} className="library-skeleton-cell" style={{ animationDelay: `${(i % 6) * 80}ms` }} />
      ))}
    </div>
  );
}

export function LibraryEmpty() {
  return (
    <EmptyState
      icon="image"
      title="Your library is empty"
      action={
        <>
          <Button variant="primary" icon="create" onClick={() => go('create')}>
            Create a picture
          </Button>
          <Button
            icon="brush"
            onClick={() => {
              updateDraft({ provider: 'sandbox', model: 'sketch' });
              go('create');
            }}
          >
            Try the free sandbox
          </Button>
        </>
      }
    >
      Every picture you make is saved here, with its prompt and settings, long before the vendor deletes it. It works offline: browse, search, favourite and
      remix.
    </EmptyState>
  );
}

export function LibraryNoMatch({ filters, onClear }: { filters: LibraryFilters; onClear: () => void }) {
  const text = filters.text.trim();
  const narrowed = filters.provider !== '' || filters.model !== '' || filters.favorite || filters.from !== '' || filters.to !== '';
  // Advice for what is actually narrowing the library, not a list of everything one could change.
  const advice = [
    text !== '' ? 'Try fewer or other words: search looks at prompts and negative prompts, and the last word matches as a prefix.' : null,
    narrowed ? (text !== '' ? 'The filters narrow it further.' : 'Try widening the filters: provider, model, favourites or dates.') : null,
  ].filter((line) => line !== null);
  return (
    <EmptyState
      icon="search"
      title={text !== '' ? `No pictures match “${text}”` : 'No pictures match these filters'}
      action={
        <Button icon="close" onClick={onClear}>
          {text !== '' && narrowed ? 'Clear search and filters' : text !== '' ? 'Clear search' : 'Clear filters'}
        </Button>
      }
    >
      {advice.join(' ')}
    </EmptyState>
  );
}
