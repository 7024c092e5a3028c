// Section shortcuts inside the window (the app menu offers the same; in the browser harness
// there is no menu, so the window handles them itself).
import { useEffect } from 'react';
import { go } from '../state/navigation-state';

export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      // A modal (the welcome, a confirmation) owns the keyboard until it closes.
      if (document.querySelector('dialog[open]')) return;
      const target = { '1': 'create', '2': 'activity', '3': 'library', ',': 'settings' } as const;
      const section = target[event.key as keyof typeof target];
      if (section) {
        event.preventDefault();
        go(section);
      } else if (event.key.toLowerCase() === 'f' && !event.shiftKey) {
        event.preventDefault();
        go('library', { focusSearch: Date.now() });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
