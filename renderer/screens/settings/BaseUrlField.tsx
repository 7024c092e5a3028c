// One provider's address. Saved when the field is left or Enter is pressed, after the same check
// main applies (shared BaseUrlSchema), so a bad address is refused here, inline, before any call.
// An empty field removes the override. Main asks in a native dialog before a key would be sent
// to a new address; a "no" there puts the field back.
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { ProviderView } from '../../../shared/contract';
import { BaseUrlSchema, type ConfigurableProviderSchema } from '../../../shared/contract-settings';
import type { z } from 'zod';
import { Button } from '../../ui/Button';
import { describeSource } from './base-url-source';
import { SaveStatus } from './SaveStatus';
import { saveSettings } from './settings-actions';
import { useSaveFeedback } from './use-save-feedback';

type ConfigurableProvider = z.infer<typeof ConfigurableProviderSchema>;

export function BaseUrlField({ provider, stored }: { provider: ProviderView & { id: ConfigurableProvider }; stored: string | undefined }) {
  const [text, setText] = useState(stored ?? '');
  const [error, setError] = useState<string | null>(null);
  const feedback = useSaveFeedback();
  const inputId = useId();
  const sourceId = useId();
  const errorId = useId();

  // Another window, the CLI or a reset may change the stored value under the field.
  useEffect(() => {
    setText(stored ?? '');
    setError(null);
  }, [stored]);

  const save = async (value: string | null) => {
    const ok = await feedback.run(() => saveSettings({ baseUrls: { [provider.id]: value } }));
    if (!ok) setText(stored ?? '');
  };

  const commit = async () => {
    const trimmed = text.trim();
    if (trimmed === (stored ?? '')) {
      setError(null);
      return;
    }
    if (trimmed === '') {
      setError(null);
      await save(null);
      return;
    }
    const parsed = BaseUrlSchema.safeParse(trimmed);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'That is not an address Easel can use.');
      return;
    }
    setError(null);
    await save(parsed.data);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void commit();
    } else if (event.key === 'Escape' && text !== (stored ?? '')) {
      event.preventDefault();
      setText(stored ?? '');
      setError(null);
    }
  };

  const missing = provider.baseUrlSource === 'none';
  const placeholder = missing ? 'Required: https://your-endpoint.example' : (provider.baseUrl ?? '');
  return (
    <div className="base-url-row">
      <label htmlFor={inputId} className="base-url-label">
        {provider.label}
      </label>
      <div className="base-url-control">
        <div className="base-url-input-line">
          <input
            id={inputId}
            className="input base-url-input"
            type="url"
            inputMode="url"
            spellCheck={false}
            autoComplete="off"
            value={text}
            placeholder={placeholder}
            aria-invalid={error ? true : undefined}
            aria-describedby={[sourceId, error ? errorId : ''].filter(Boolean).join(' ')}
            onChange={(event) => {
              setText(event.target.value);
              if (error) setError(null);
            }}
            onBlur={() => void commit()}
            onKeyDown={onKeyDown}
          />
          {stored ? (
            <Button small variant="ghost" onClick={() => void save(null)} aria-label={`Reset the ${provider.label} address`} disabled={feedback.state.kind === 'saving'}>
              Reset
            </Button>
          ) : null}
          <SaveStatus state={feedback.state} />
        </div>
        {error ? (
          <p className="field-error" id={errorId}>
            {error}
          </p>
        ) : null}
        <p className={missing ? 'base-url-source base-url-missing' : 'base-url-source'} id={sourceId}>
          {missing ? (
            <>{provider.label} has no default address: set the one your account uses before it can run.</>
          ) : (
            <>
              In use: <code>{provider.baseUrl}</code> ({describeSource(provider)})
            </>
          )}
        </p>
        {feedback.state.kind === 'error' ? <p className="field-error">{feedback.state.message}</p> : null}
        {feedback.state.kind === 'declined' ? <p className="field-hint">{feedback.state.message}</p> : null}
      </div>
    </div>
  );
}
