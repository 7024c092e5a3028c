// What the library shows instead of a grid: while the first page loads, when there is nothing
// yet, and when a search or filter matches nothing. Never a blank pane.
import { updateDraft } from '../../state/draft-state';
import { go } from '../../state/navigation-state';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';

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
            icon="sparkle"
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

export function LibraryNoMatch({ text, onClear }: { text: string; onClear: () => void }) {
  return (
    <EmptyState
      icon="search"
      title={text.trim() !== '' ? `No pictures match “${text.trim()}”` : 'No pictures match these filters'}
      action={
        <Button icon="close" onClick={onClear}>
          Clear search and filters
        </Button>
      }
    >
      Try fewer words or a wider date range. Search looks at prompts and negative prompts; the last word matches as a prefix.
    </EmptyState>
  );
}
