// An image address as a reference: for models that fetch pictures themselves.
import { useId, useState, type FormEvent } from 'react';
import { addReferences } from '../../state/draft-state';
import { Button } from '../../ui/Button';
import { fromUrl } from './reference-intake';

export function ReferenceUrlForm() {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = fromUrl(text);
    if (typeof result === 'string') {
      setProblem(result);
      return;
    }
    addReferences([result]);
    setText('');
    setProblem(null);
  };

  return (
    <form className="create-url-form" onSubmit={submit} noValidate>
      <label htmlFor={id} className="visually-hidden">
        Image address
      </label>
      <input
        id={id}
        className="input"
        type="url"
        inputMode="url"
        placeholder="https://… image address"
        value={text}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setProblem(null);
        }}
      />
      <Button type="submit" small icon="link" disabled={!text.trim()}>
        Add URL
      </Button>
      {problem ? (
        <span className="create-field-error create-url-problem" id={`${id}-problem`} role="alert">
          {problem}
        </span>
      ) : null}
    </form>
  );
}
