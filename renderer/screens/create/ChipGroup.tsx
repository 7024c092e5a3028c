import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface ChipOption<T> {
  value: T;
  label: string;
  /** Drawn before the label (an aspect-ratio shape). */
  adornment?: ReactNode;
  title?: string;
}

/**
 * One choice among a few, as chips: a radio group, so arrow keys move the choice and Tab
 * leaves the group in one step (roving tabindex), as a screen reader expects.
 */
export function ChipGroup<T>({ label, options, value, onChange, describedBy }: { label: string; options: readonly ChipOption<T>[]; value: T; onChange: (value: T) => void; describedBy?: string }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const selected = Math.max(0, options.findIndex((o) => Object.is(o.value, value)));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    const jump = event.key === 'Home' ? 0 : event.key === 'End' ? options.length - 1 : null;
    if (step === undefined && jump === null) return;
    event.preventDefault();
    const next = jump ?? (selected + (step ?? 0) + options.length) % options.length;
    onChange(options[next]!.value);
    refs.current[next]?.focus();
  };

  return (
    <div className="chip-group" role="radiogroup" aria-label={label} aria-describedby={describedBy} onKeyDown={onKeyDown}>
      {options.map((option, index) => (
        <button
          key={option.label}
          ref={(element) => {
            refs.current[index] = element;
          }}
          type="button"
          role="radio"
          className="chip"
          aria-checked={index === selected}
          tabIndex={index === selected ? 0 : -1}
          title={option.title}
          onClick={() => onChange(option.value)}
        >
          {option.adornment}
          {option.label}
        </button>
      ))}
    </div>
  );
}
