// One vendor account's key: paste to set or replace, test, remove. The field is a password input
// left uncontrolled (React would otherwise mirror the key into a value attribute in the DOM) and
// emptied the moment the key is stored; afterwards the page only ever knows "present, ends in …".
import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiKeyInputSchema, type KeyStatus, type KeyTestResult } from '../../../shared/contract-keys';
import { errorOf } from '../../easel-bridge';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { ACCOUNT_INFO } from './key-accounts';
import { KeyStatusBadge } from './KeyStatusBadge';
import { KeyTestResultNotice } from './KeyTestResultNotice';
import { SaveStatus } from './SaveStatus';
import { removeKey, setKey, testKey } from './settings-actions';
import { useSaveFeedback } from './use-save-feedback';

export function KeyAccountRow({ status, canStore }: { status: KeyStatus; canStore: boolean }) {
  const info = ACCOUNT_INFO[status.account];
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const [hasText, setHasText] = useState(false);
  const [inputError, setInputError] = useState<string | null>(null);
  const [testing, setTesting] = useState(false);
  const [testResult, setTestResult] = useState<KeyTestResult | null>(null);
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const feedback = useSaveFeedback();
  const busy = feedback.state.kind === 'saving' || testing;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const input = inputRef.current;
    if (!input) return;
    const parsed = ApiKeyInputSchema.safeParse(input.value);
    if (!parsed.success) {
      setInputError(parsed.error.issues[0]?.message ?? 'That does not look like a key.');
      input.focus();
      return;
    }
    setInputError(null);
    const ok = await feedback.run(() => setKey(status.account, parsed.data));
    if (ok) {
      input.value = '';
      setHasText(false);
      setTestResult(null);
    }
  };

  const onTest = async () => {
    setTesting(true);
    setTestResult(null);
    try {
      setTestResult(await testKey(status.account));
    } catch (error) {
      setTestResult({ account: status.account, outcome: 'unknown', provider: null, message: errorOf(error).message });
    } finally {
      setTesting(false);
    }
  };

  const onRemove = async () => {
    setConfirmingRemove(false);
    const ok = await feedback.run(() => removeKey(status.account));
    if (ok) setTestResult(null);
    // Test and Remove leave with the key; the keyboard continues in the field for a new one.
    inputRef.current?.focus();
  };

  const describedBy = [hintId, inputError ? errorId : ''].filter(Boolean).join(' ');
  return (
    <li className="key-row" aria-label={`${info.name} key`}>
      <div className="key-row-head">
        <div className="key-row-title">
          <h3>{info.name}</h3>
          <KeyStatusBadge status={status} tested={testResult} />
          <SaveStatus state={feedback.state} />
        </div>
        {status.present ? (
          <div className="inline-actions">
            <Button small onClick={() => void onTest()} disabled={busy} aria-label={`Test the ${info.name} key`}>
              {testing ? 'Testing…' : 'Test'}
            </Button>
            <Button small variant="ghost" icon="trash" onClick={() => setConfirmingRemove(true)} disabled={busy} aria-label={`Remove the ${info.name} key`}>
              Remove
            </Button>
          </div>
        ) : null}
      </div>
      <p className="key-row-description" id={hintId}>
        {info.description}
      </p>
      {status.problem ? <Notice tone="warning">{status.problem}</Notice> : null}

      <form className="key-row-form" onSubmit={(event) => void onSubmit(event)}>
        <label htmlFor={inputId} className="visually-hidden">
          {status.present ? `New ${info.name} API key` : `${info.name} API key`}
        </label>
        <input
          ref={inputRef}
          id={inputId}
          data-focus-target="key"
          className="input key-input"
          type="password"
          name={`key-${status.account}`}
          autoComplete="off"
          spellCheck={false}
          placeholder={status.present ? 'Paste a new key to replace it' : `Paste your ${info.name} API key`}
          aria-invalid={inputError ? true : undefined}
          aria-describedby={describedBy}
          disabled={!canStore}
          onInput={(event) => {
            setHasText(event.currentTarget.value.length > 0);
            if (inputError) setInputError(null);
          }}
        />
        <Button type="submit" variant={status.present ? 'secondary' : 'primary'} disabled={!canStore || !hasText || busy}>
          {status.present ? 'Replace key' : 'Save key'}
        </Button>
      </form>

      {inputError ? (
        <p className="field-error" id={errorId}>
          {inputError}
        </p>
      ) : null}

      {confirmingRemove ? (
        <Notice
          tone="warning"
          title={`Remove the ${info.name} key?`}
          action={
            <div className="inline-actions">
              <Button small variant="danger" onClick={() => void onRemove()}>
                Remove key
              </Button>
              <Button small variant="ghost" onClick={() => setConfirmingRemove(false)}>
                Keep it
              </Button>
            </div>
          }
        >
          Jobs for {info.name} will stop working until you add a key again. Pictures already saved are not touched.
        </Notice>
      ) : null}

      {testing ? <p className="key-row-testing">Asking {info.name} whether it accepts the key…</p> : null}
      {testResult ? <KeyTestResultNotice result={testResult} /> : null}
      {feedback.state.kind === 'error' ? <Notice tone="error">{feedback.state.message}</Notice> : null}
    </li>
  );
}
