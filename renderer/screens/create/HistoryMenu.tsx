// The last prompts, a click (or Enter) away: a menu under the prompt's label.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useStore } from '../../state/external-store';
import { Icon } from '../../ui/Icon';
import { historyStore, type HistoryKind } from './prompt-history';

export function HistoryMenu({ kind, label, onPick }: { kind: HistoryKind; label: string; onPick: (text: string) => void }) {
  const history = useStore(historyStore(kind));
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const close = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);

  const pick = (text: string) => {
    onPick(text);
    setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const last = history.length - 1;
    if (event.key === 'ArrowDown') setActive((i) => (i >= last ? 0 : i + 1));
    else if (event.key === 'ArrowUp') setActive((i) => (i <= 0 ? last : i - 1));
    else if (event.key === 'Home') setActive(0);
    else if (event.key === 'End') setActive(last);
    else if (event.key === 'Escape' || event.key === 'Tab') {
      setOpen(false);
      if (event.key === 'Escape') button.current?.focus();
      if (event.key === 'Tab') return;
    } else return;
    event.preventDefault();
  };

  return (
    <div className="create-history">
      <button
        ref={button}
        type="button"
        className="btn btn-ghost btn-small"
        aria-haspopup="menu"
        aria-label={`${label} history`}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        disabled={history.length === 0}
        title={history.length === 0 ? 'Prompts you submit will be listed here' : `Earlier ${label.toLowerCase()}s (or ↑ at the start of the field)`}
        onClick={() => {
          setActive(0);
          setOpen((o) => !o);
        }}
      >
        <Icon name="refresh" size={15} />
        History
      </button>
      {open ? (
        <ul ref={menu} id={id} className="create-history-menu card" role="menu" aria-label={`Earlier ${label.toLowerCase()}s`} onKeyDown={onKeyDown}>
          {history.map((text, index) => (
            <li key={text} role="none">
              <button type="button" role="menuitem" tabIndex={index === active ? 0 : -1} onClick={() => pick(text)} onFocus={() => setActive(index)}>
                {text}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
