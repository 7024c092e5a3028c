// Jobs sent from this screen in this session, newest first, so the person sees them move (and
// their pictures arrive) without leaving Create. Kept outside the screen: switching to Activity
// and back keeps the list.
import { createStore } from '../../state/external-store';

const LIMIT = 4;

export const recentSubmissions = createStore<readonly string[]>([]);

export function noteSubmitted(jobId: string): void {
  recentSubmissions.set((ids) => [jobId, ...ids.filter((id) => id !== jobId)].slice(0, LIMIT));
}
