// Whether the person has closed the welcome once. Kept in the window's localStorage: it is a
// fact about this window's first run, not a setting anyone would look for.
const KEY = 'easel.welcome.seen';

export function hasSeenWelcome(): boolean {
  try {
    return window.localStorage.getItem(KEY) === '1';
  } catch {
    // No storage (a locked-down profile): treat the welcome as seen rather than show it at every start.
    return true;
  }
}

export function markWelcomeSeen(): void {
  try {
    window.localStorage.setItem(KEY, '1');
  } catch {
    // Nothing to remember it in; it will not be shown again this session either way.
  }
}
