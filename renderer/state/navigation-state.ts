// Where the person is: the section, and what is open inside it. Menu commands and notification
// clicks from main move it too.
import { createStore } from './external-store';

export type Section = 'create' | 'activity' | 'library' | 'settings';

export interface Navigation {
  section: Section;
  /** The library picture open in the detail view, if any. */
  imageId: string | null;
  /** The job to scroll to and highlight in Activity, if any. */
  jobId: string | null;
  /** Bumped to ask the library's search box for focus. */
  focusSearch: number;
}

export const navigationStore = createStore<Navigation>({ section: 'create', imageId: null, jobId: null, focusSearch: 0 });

export function go(section: Section, extra: Partial<Omit<Navigation, 'section'>> = {}): void {
  navigationStore.set((current) => ({ ...current, section, imageId: null, jobId: null, ...extra }));
}
