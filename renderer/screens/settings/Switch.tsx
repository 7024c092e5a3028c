import { useId, type ReactNode } from 'react';

/** A checkbox drawn as a switch: a native input, so keyboard and screen readers need nothing extra. */
export function Switch({ label, hint, checked, disabled, onChange }: { label: string; hint?: ReactNode; checked: boolean; disabled?: boolean; onChange: (checked: boolean) => void }) {
  const id = useId();
  const hintId = useId();
  return (
    <div className={disabled ? 'switch-row is-disabled' : 'switch-row'}>
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
