// Submitting never locks the form: each Generate sends the draft as it is at that instant, and
// the person can keep typing (and submit again) while earlier jobs are sent and run. What comes
// back is a confirmation with a way to Activity, or the core's refusal in its own plain words.
// What is on its way and what came back live outside the screen: a person who presses Generate
// and switches to Activity at once still finds the answer (a refusal above all) on return.
import { useCallback, useEffect, useState } from 'react';
import { easel, errorOf } from '../../easel-bridge';
import { draftStore } from '../../state/draft-state';
import { createStore, useStore } from '../../state/external-store';
import { upsertJob } from '../../state/jobs-state';
import { rememberModel, type ModelRef } from './model-choice';
import { rememberPrompt } from './prompt-history';
import { noteSubmitted } from './recent-submissions';
import { buildRequest } from './submit-request';

export type SubmitFeedback =
  | { kind: 'sent'; jobId: string; prompt: string; sent: number }
  | { kind: 'error'; code: string; message: string; /** provider/model it was refused for. */ modelKey: string };

export interface Submitter {
  submit(): void;
  /** Calls still on their way to the core. */
  sending: number;
  feedback: SubmitFeedback | null;
  /** True after a submit attempt was stopped by problems in the form (they show until fixed). */
  attempted: boolean;
  dismiss(): void;
}

interface SubmitState {
  sending: number;
  feedback: SubmitFeedback | null;
}

const submitState = createStore<SubmitState>({ sending: 0, feedback: null });

const setSending = (change: (n: number) => number) => submitState.set((s) => ({ ...s, sending: change(s.sending) }));
const setFeedback = (next: SubmitFeedback | null | ((current: SubmitFeedback | null) => SubmitFeedback | null)) =>
  submitState.set((s) => ({ ...s, feedback: typeof next === 'function' ? next(s.feedback) : next }));

export function useSubmit(selected: ModelRef | null): Submitter {
  const { sending, feedback } = useStore(submitState);
  const [attempted, setAttempted] = useState(false);

  // A refusal was about the model it was sent to; another model starts with a clean slate.
  const modelKey = selected ? `${selected.provider.id}/${selected.model.id}` : '';
  useEffect(() => {
    if (modelKey !== '') setFeedback((current) => (current?.kind === 'error' && current.modelKey !== modelKey ? null : current));
  }, [modelKey]);

  const submit = useCallback(() => {
    if (!selected) return;
    const draft = draftStore.get();
    const built = buildRequest(draft, selected.provider, selected.model);
    if (!built.ok) {
      setAttempted(true);
      setFeedback(null);
      return;
    }
    setAttempted(false);
    setSending((n) => n + 1);
    void easel()
      .jobs.submit(built.input)
      .then((job) => {
        upsertJob(job);
        noteSubmitted(job.id);
        rememberPrompt('prompt', built.input.prompt);
        if (built.input.negativePrompt) rememberPrompt('negative', built.input.negativePrompt);
        rememberModel(selected);
        setFeedback((previous) => ({ kind: 'sent', jobId: job.id, prompt: built.input.prompt, sent: previous?.kind === 'sent' ? previous.sent + 1 : 1 }));
      })
      .catch((error: unknown) => {
        const { code, message } = errorOf(error);
        setFeedback({ kind: 'error', code, message, modelKey: `${built.input.provider}/${built.input.model}` });
      })
      .finally(() => setSending((n) => n - 1));
  }, [selected]);

  return { submit, sending, feedback, attempted, dismiss: () => setFeedback(null) };
}
