// A job's error or warning in plain words, with the code and the vendor's own words behind a
// "Details" disclosure for whoever needs them (support, a bug report). Some problems have an
// obvious next step, offered as a button.
import type { ReactNode } from 'react';
import type { JobView } from '../../../shared/contract-jobs';
import { go } from '../../state/navigation-state';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';

type ErrorInfo = NonNullable<JobView['error']>;

const KEY_CODES = new Set(['MISSING_KEY', 'AUTH_FAILED', 'FORBIDDEN', 'MISSING_BASE_URL', 'INSECURE_KEY_STORAGE']);

function nextStep(code: string): ReactNode {
  if (KEY_CODES.has(code)) {
    return (
      <Button small icon="key" onClick={() => go('settings')}>
        Open Settings
      </Button>
    );
  }
  return null;
}

export function JobProblem({ tone, problem, title }: { tone: 'error' | 'warning'; problem: ErrorInfo; title?: ReactNode }) {
  const action = tone === 'error' ? nextStep(problem.code) : null;
  return (
    <div className={`job-problem job-problem-${tone}`}>
      <Icon name="alert" size={16} />
      <div className="job-problem-body">
        {title ? <strong className="job-problem-title">{title}</strong> : null}
        <p className="job-problem-message">{problem.message}</p>
        <details className="job-problem-details">
          <summary>Details</summary>
          <dl>
            <dt>Code</dt>
            <dd>
              <code>{problem.code}</code>
            </dd>
            {problem.detail ? (
              <>
                <dt>From the vendor</dt>
                <dd>
                  <code className="job-problem-detail">{problem.detail}</code>
                </dd>
              </>
            ) : null}
          </dl>
        </details>
      </div>
      {action ? <div className="job-problem-action">{action}</div> : null}
    </div>
  );
}
