// For models whose vendor documents options without listing them (unified): free key=value
// pairs, passed through as the model's own parameters. The core types "true", "false" and
// numbers from their text.
import { useEffect, useRef, useState } from 'react';
import { Button } from '../../ui/Button';
import type { ParamValue } from './param-checks';

interface Row {
  id: number;
  key: string;
  value: string;
}

const KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
let nextRow = 0;

function rowsOf(params: Record<string, ParamValue>): Row[] {
  return Object.entries(params).map(([key, value]) => ({ id: nextRow++, key, value: String(value) }));
}

function paramsOf(rows: readonly Row[]): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const row of rows) if (KEY_PATTERN.test(row.key.trim()) && row.value.trim() !== '') out[row.key.trim()] = row.value.trim();
  return out;
}

const same = (a: Record<string, ParamValue>, b: Record<string, ParamValue>) => JSON.stringify(a) === JSON.stringify(b);

export function OpenParamsEditor({ modelLabel, params, onChange }: { modelLabel: string; params: Record<string, ParamValue>; onChange: (params: Record<string, ParamValue>) => void }) {
  const [rows, setRows] = useState<Row[]>(() => rowsOf(params));
  const written = useRef(params);
  // A row added with the button takes focus, so the person can type its name at once.
  const [added, setAdded] = useState<number | null>(null);

  // The draft can change from elsewhere (a Library remix); the rows follow it then.
  useEffect(() => {
    if (!same(params, written.current)) {
      written.current = params;
      setRows(rowsOf(params));
    }
  }, [params]);

  const update = (next: Row[]) => {
    setRows(next);
    const out = paramsOf(next);
    written.current = out;
    onChange(out);
  };

  return (
    <div className="field" role="group" aria-labelledby="open-params-label">
      <span className="field-label" id="open-params-label">
        Model options
      </span>
      <span className="field-hint">{modelLabel} takes its own options; name them as its documentation does (e.g. aspect_ratio = 16:9).</span>
      {rows.length ? (
        <ul className="create-open-params">
          {rows.map((row, index) => {
            const badKey = row.key.trim() !== '' && !KEY_PATTERN.test(row.key.trim());
            return (
              <li key={row.id}>
                <input
                  className="input"
                  aria-label={`Option ${index + 1} name`}
                  placeholder="name"
                  autoFocus={row.id === added}
                  value={row.key}
                  aria-invalid={badKey || undefined}
                  onChange={(e) => update(rows.map((r) => (r.id === row.id ? { ...r, key: e.target.value } : r)))}
                />
                <span aria-hidden="true">=</span>
                <input
                  className="input"
                  aria-label={`Option ${index + 1} value`}
                  placeholder="value"
                  value={row.value}
                  onChange={(e) => update(rows.map((r) => (r.id === row.id ? { ...r, value: e.target.value } : r)))}
                />
                <Button small variant="ghost" icon="close" aria-label={`Remove option ${row.key || index + 1}`} onClick={() => update(rows.filter((r) => r.id !== row.id))} />
                {badKey ? <span className="create-field-error">A name is letters, digits, dots, dashes or underscores, starting with a letter.</span> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      <div>
        <Button small icon="create" onClick={() => {
            const id = nextRow++;
            setRows([...rows, { id, key: '', value: '' }]);
            setAdded(id);
          }}
        >
          Add option
        </Button>
      </div>
    </div>
  );
}
