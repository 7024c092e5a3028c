// One model parameter from the catalog, as the control its type calls for: an enum as chips
// (or a select when there are many), a boolean as a switch, a number as a select of its allowed
// values or a bounded number input, a string as a text input. An untouched field sends nothing,
// so the vendor's own default applies.
import { useId, type JSX } from 'react';
import type { ParamSpec } from '../../../shared/catalog';
import { ChipGroup } from './ChipGroup';
import { paramProblem, type ParamValue } from './param-checks';

const DEFAULT = '';

export function ParamField({ spec, value, onChange }: { spec: ParamSpec; value: ParamValue | undefined; onChange: (value: ParamValue | undefined) => void }) {
  const id = useId();
  const hintId = spec.help ? `${id}-hint` : undefined;
  const problem = value === undefined || value === '' ? null : paramProblem(spec, value);
  const errorId = problem ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;

  if (spec.type === 'boolean') {
    const on = value === undefined ? (spec.default ?? false) : value === true;
    return (
      <div className="field create-switch-field">
        <div className="create-switch-row">
          <span className="create-switch-label" id={`${id}-label`}>
            {spec.label}
          </span>
          <button type="button" role="switch" className="create-switch" aria-checked={on} aria-labelledby={`${id}-label`} aria-describedby={hintId} onClick={() => onChange(!on)}>
            <span className="create-switch-thumb" />
          </button>
        </div>
        {spec.help ? <span className="field-hint" id={hintId}>{spec.help}</span> : null}
      </div>
    );
  }

  let control: JSX.Element;
  let asChips = false;
  if (spec.type === 'enum') {
    const current = typeof value === 'string' ? value : (spec.default ?? DEFAULT);
    const options = [...(spec.default === undefined ? [{ value: DEFAULT, label: 'Default' }] : []), ...spec.options.map((o) => ({ value: o, label: o }))];
    asChips = options.length <= 4 && options.every((o) => o.label.length <= 12);
    control = asChips ? (
      <ChipGroup label={spec.label} options={options} value={current} onChange={(next) => onChange(next === DEFAULT ? undefined : next)} describedBy={describedBy} />
    ) : (
      <select id={id} className="select" value={current} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value === DEFAULT ? undefined : e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else if (spec.type === 'number' && spec.options?.length) {
    const current = value === undefined ? (spec.default !== undefined ? String(spec.default) : DEFAULT) : String(value);
    control = (
      <select id={id} className="select" value={current} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value === DEFAULT ? undefined : Number(e.target.value))}>
        {spec.default === undefined ? <option value={DEFAULT}>Default</option> : null}
        {spec.options.map((o) => (
          <option key={o} value={String(o)}>
            {o}
          </option>
        ))}
      </select>
    );
  } else if (spec.type === 'number') {
    control = (
      <input
        id={id}
        className="input"
        type="number"
        inputMode="decimal"
        min={spec.min}
        max={spec.max}
        step={spec.step ?? 'any'}
        placeholder={spec.default !== undefined ? String(spec.default) : 'Default'}
        value={value === undefined ? '' : String(value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />
    );
  } else {
    control = (
      <input
        id={id}
        className="input"
        type="text"
        maxLength={spec.maxLength}
        placeholder="Default"
        value={typeof value === 'string' ? value : ''}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      />
    );
  }

  return (
    <div className="field">
      {asChips ? <span className="field-label">{spec.label}</span> : <label htmlFor={id}>{spec.label}</label>}
      {control}
      {problem ? (
        <span className="create-field-error" id={errorId}>
          {problem}
        </span>
      ) : null}
      {spec.help ? <span className="field-hint" id={hintId}>{spec.help}</span> : null}
    </div>
  );
}
