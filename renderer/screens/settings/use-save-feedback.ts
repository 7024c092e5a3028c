// The small "Saving… / Saved" a change shows next to its section, and the error it ends with.
// A refused native confirmation (code CANCELED) is not an error: the person said no.
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorOf } from '../../easel-bridge';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'declined'; message: string }
  | { kind: 'error'; message: string };

const SAVED_FOR_MS = 2200;

export interface SaveFeedback {
  state: SaveState;
  /** Runs the change; true when it went through. */
  run(action: () => Promise<unknown>): Promise<boolean>;
  reset(): void;
}

export function useSaveFeedback(): SaveFeedback {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const timer = useRef<number | null>(null);
  const mounted = useRef(true);

  const clearTimer = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  };

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      clearTimer();
    };
  }, []);

  const run = useCallback(async (action: () => Promise<unknown>) => {
    clearTimer();
    setState({ kind: 'saving' });
    try {
      await action();
      if (!mounted.current) return true;
      setState({ kind: 'saved' });
      timer.current = window.setTimeout(() => setState({ kind: 'idle' }), SAVED_FOR_MS);
      return true;
    } catch (error) {
      if (!mounted.current) return false;
      const info = errorOf(error);
      setState(info.code === 'CANCELED' ? { kind: 'declined', message: 'Not changed: you chose not to in the confirmation.' } : { kind: 'error', message: info.message });
      return false;
    }
  }, []);

  const reset = useCallback(() => {
    clearTimer();
    setState({ kind: 'idle' });
  }, []);

  return { state, run, reset };
}
