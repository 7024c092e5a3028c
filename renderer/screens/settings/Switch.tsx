import { useId, type ReactNode } from 'react';

/** A checkbox drawn as a switch: a native input, so keyboard and screen readers need nothing extra. */
export function Switch({
  label,
  hint,
  checked,
  disabled,
  dependent,
  onChange,
}: {
  label: string;
  hint?: ReactNode;
  checked: boolean;
  disabled?: boolean;
  /** Only meaningful while the switch above it is on: drawn indented under it. */
  dependent?: boolean;
  onChange: (checked: boolean) => void;
}) {
  const id = useId();
  const hintId = useId();
  return (
    <div className={['switch-row', disabled ? 'is-disabled' : '', dependent ? 'is-dependent' : ''].filter(Boolean).join(' ')}>
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="switch"
        checked={checked}
        disabled={disabled}
        aria-describedby={hint ? hintId : undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      <div>
        <label htmlFor={id}>{label}</label>
        {hint ? (
          <p className="field-hint" id={hintId}>
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}
