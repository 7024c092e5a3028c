// The prompt search. It shows what is typed at once and hands the words on after a short pause,
// so a query runs for what the person meant, not for every letter. Ctrl/Cmd+F and the menu's
// "Find" ask for focus through navigation.focusSearch.
import { useEffect, useRef, useState } from 'react';
import { useStore } from '../../state/external-store';
import { navigationStore } from '../../state/navigation-state';
import { Icon } from '../../ui/Icon';

const DEBOUNCE_MS = 250;

export function SearchBox({ value, onSearch }: { value: string; onSearch: (text: string) => void }) {
  const [text, setText] = useState(value);
  const input = useRef<HTMLInputElement>(null);
  const { focusSearch } = useStore(navigationStore);

  // Cleared from outside (the "Clear filters" button): follow.
  useEffect(() => setText((current) => (current.trim() === value.trim() ? current : value)), [value]);

  useEffect(() => {
    if (text.trim() === value.trim()) return;
    const timer = setTimeout(() => onSearch(text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);

  useEffect(() => {
    if (focusSearch === 0) return;
    input.current?.focus();
    input.current?.select();
  }, [focusSearch]);

  return (
    <div className="library-search" role="search" aria-label="Library">
      <label htmlFor="library-search" className="visually-hidden">
        Search prompts
      </label>
      <Icon name="search" size={16} />
      <input
        ref={input}
        id="library-search"
        className="input"
        type="search"
        placeholder="Search prompts"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          // Enter searches now; Escape clears (the browser's own clear keeps focus here).
          if (event.key === 'Enter') onSearch(text);
        }}
      />
    </div>
  );
}
