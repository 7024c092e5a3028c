// A prompt box with memory: ↑ at the start of the field walks back through the prompts sent
// before (↓ walks forward, and past the newest gives back what was being typed), a History menu
// lists them, and a counter shows the room left under the model's limit.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { HistoryMenu } from './HistoryMenu';
import { historyStore, type HistoryKind } from './prompt-history';

const count = new Intl.NumberFormat();

export interface PromptFieldProps {
  kind: HistoryKind;
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength?: number | undefined;
  placeholder?: string;
  rows?: number;
  autoFocus?: boolean;
}

export function PromptField({ kind, label, value, onChange, maxLength, placeholder, rows = 4, autoFocus }: PromptFieldProps) {
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  // -1: the person's own text; n: the n-th earlier prompt. `typed` keeps their text meanwhile.
  const [position, setPosition] = useState(-1);
  const [typed, setTyped] = useState('');
  // Focus without scrolling: in a narrow window the model and parameters come first, and the
  // screen should open at its top, not halfway down at the prompt.
  useEffect(() => {
    if (autoFocus) field.current?.focus({ preventScroll: true });
  }, [autoFocus]);

  const show = (text: string, caretAtStart: boolean) => {
    onChange(text);
    requestAnimationFrame(() => {
      const at = caretAtStart ? 0 : text.length;
      field.current?.setSelectionRange(at, at);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.currentTarget;
    const history = historyStore(kind).get();
    if (event.key === 'ArrowUp' && target.selectionStart === 0 && target.selectionEnd === 0 && position < history.length - 1) {
      event.preventDefault();
      if (position === -1) setTyped(value);
      setPosition(position + 1);
      show(history[position + 1]!, true);
    } else if (event.key === 'ArrowDown' && position >= 0 && target.selectionStart === value.length) {
      event.preventDefault();
      setPosition(position - 1);
      show(position - 1 >= 0 ? history[position - 1]! : typed, false);
    }
  };

  const length = value.length;
  const over = maxLength !== undefined && length > maxLength;
  return (
    <div className="field create-prompt-field">
      <div className="create-field-head">
        <label htmlFor={id}>{label}</label>
        <span className={`create-counter${over ? ' create-counter-over' : ''}`} id={`${id}-count`}>
          {maxLength !== undefined ? `${count.format(length)} / ${count.format(maxLength)}` : length > 0 ? count.format(length) : ''}
          {over ? ` · ${count.format(length - maxLength)} over` : ''}
        </span>
        <HistoryMenu
          kind={kind}
          label={label}
          onPick={(text) => {
            setPosition(-1);
            show(text, false);
            field.current?.focus();
          }}
        />
      </div>
      <textarea
        ref={field}
        id={id}
        className="textarea"
        rows={rows}
        value={value}
        placeholder={placeholder}
        data-focus-target={kind === 'prompt' ? 'prompt' : undefined}
        spellCheck
        aria-invalid={over || undefined}
        aria-describedby={`${id}-count`}
        onKeyDown={onKeyDown}
        onChange={(e) => {
          setPosition(-1);
          onChange(e.target.value);
        }}
      />
    </div>
  );
}
