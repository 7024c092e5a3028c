// A first run: no account has a key and the library is empty. Decided once, when the key list
// has arrived; an answer that cannot be had (an error) means no welcome: it is an invitation,
// never a wall in front of a window that has trouble.
import { useEffect, useState } from 'react';
import { easel } from '../../easel-bridge';
import { useStore } from '../../state/external-store';
import { keysStore } from '../../state/keys-state';
import { hasSeenWelcome } from './welcome-seen';

type Decision = 'undecided' | 'welcome' | 'no-welcome';

export function useFirstRun(): boolean {
  const keys = useStore(keysStore);
  const [decision, setDecision] = useState<Decision>(() => (hasSeenWelcome() ? 'no-welcome' : 'undecided'));

  useEffect(() => {
    if (decision !== 'undecided') return;
    if (keys.status === 'error') {
      setDecision('no-welcome');
      return;
    }
    if (keys.status !== 'ready') return;
    if (keys.data.accounts.some((account) => account.present)) {
      setDecision('no-welcome');
      return;
    }
    let current = true;
    easel()
      .library.query({ limit: 1 })
      .then(
        (page) => current && setDecision(page.total === 0 ? 'welcome' : 'no-welcome'),
        () => current && setDecision('no-welcome'),
      );
    return () => {
      current = false;
    };
  }, [keys, decision]);

  return decision === 'welcome';
}
