// Shown once, on a first run (no key, empty library), until the person closes it in any way.
import { useCallback, useState } from 'react';
import { focusSoon } from '../../app/focus-target';
import { useFirstRun } from './use-first-run';
import { markWelcomeSeen } from './welcome-seen';
import { WelcomeDialog } from './WelcomeDialog';
import './welcome.css';

export function Welcome() {
  const firstRun = useFirstRun();
  const [closed, setClosed] = useState(false);
  const close = useCallback(() => {
    markWelcomeSeen();
    setClosed(true);
    // The welcome opens over Create: closing it hands the keyboard to the prompt (an offer that
    // leads elsewhere moves it on from there).
    focusSoon('prompt');
  }, []);
  if (!firstRun || closed) return null;
  return <WelcomeDialog onClose={close} />;
}
