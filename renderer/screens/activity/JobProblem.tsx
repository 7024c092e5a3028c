// A job's error or warning in plain words, with the code and the vendor's own words behind a
// "Details" disclosure for whoever needs them (support, a bug report). Some problems have an
// obvious next step, said in the window's words and offered as a button.
import type { ReactNode } from 'react';
import type { JobView } from '../../../shared/contract-jobs';
import type { ProviderId } from '../../../shared/domain';
import { go } from '../../state/navigation-state';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { problemAdvice } from './problem-advice';

type ErrorInfo = NonNullable<JobView['error']>;

const KEY_CODES = new Set(['MISSING_KEY', 'AUTH_FAILED', 'FORBIDDEN', 'MISSING_BASE_URL', 'INSECURE_KEY_STORAGE']);

function nextStep(code: string): ReactNode {
  if (KEY_CODES.has(code)) {
    return (
      <Button small icon="settings" onClick={() => go('settings')}>
        Open Settings
      </Button>
    );
  }
  return null;
}

interface JobProblemProps {
  tone: 'error' | 'warning';
  problem: ErrorInfo;
  /** The job's provider, for advice that names its key account. */
  provider: ProviderId;
  title?: ReactNode;
}

export function JobProblem({ tone, problem, provider, title }: JobProblemProps) {
  const action = tone === 'error' ? nextStep(problem.code) : null;
  const advice = problemAdvice(problem.code, provider);
  return (
    <div className={`job-problem job-problem-${tone}`}>
      <Icon name="alert" size={16} />
      <div className="job-problem-body">
        {title ? <strong className="job-problem-title">{title}</strong> : null}
        <p className="job-problem-message">
          {problem.message}
          {advice ? ` ${advice}` : null}
        </p>
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
