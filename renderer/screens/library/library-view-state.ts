// Where the person is in the Library, kept while they are elsewhere: Use prompt, Remix and Use
// as reference all lead to Create, and collecting three references from one search should not
// mean typing the search three times. The search, the filters and the picture last looked at
// (the grid scrolls back to it) outlive the screen; a new search or filter starts at the top.
import { createStore } from '../../state/external-store';
import { NO_FILTERS, type LibraryFilters } from './library-filters';

export interface LibraryView {
  filters: LibraryFilters;
  /** The active picture's index in the grid. */
  active: number;
}

export const libraryView = createStore<LibraryView>({ filters: NO_FILTERS, active: 0 });

export function setLibraryFilters(next: LibraryFilters | ((current: LibraryFilters) => LibraryFilters)): void {
  libraryView.set((view) => {
    const filters = typeof next === 'function' ? next(view.filters) : next;
    return filters === view.filters ? view : { filters, active: 0 };
  });
}

export function setLibraryActive(active: number): void {
  libraryView.set((view) => (view.active === active ? view : { ...view, active }));
}
