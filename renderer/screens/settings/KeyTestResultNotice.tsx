import type { KeyTestResult } from '../../../shared/contract-keys';
import { Notice } from '../../ui/Notice';

const PRESENTATION: Readonly<Record<KeyTestResult['outcome'], { tone: 'success' | 'error' | 'warning' | 'info'; title: string }>> = {
  valid: { tone: 'success', title: 'The key works' },
  invalid: { tone: 'error', title: 'The key was refused' },
  unknown: { tone: 'warning', title: 'Could not tell whether the key works' },
  untestable: { tone: 'info', title: 'The key was not tested' },
  missing: { tone: 'info', title: 'No key to test' },
};

/** A key test's outcome in plain words: the main sentence from main, a title that says it at a glance. */
export function KeyTestResultNotice({ result }: { result: KeyTestResult }) {
  const { tone, title } = PRESENTATION[result.outcome];
  return (
    <Notice tone={tone} title={title}>
      {result.message}
    </Notice>
  );
}
