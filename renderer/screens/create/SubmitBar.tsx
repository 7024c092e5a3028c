// The cost before sending, the Generate button (Ctrl/⌘+Enter anywhere on the screen), and what
// happened to the last submit: sent, with the way to Activity, or refused, in plain words. The
// bar stays at the bottom of the window while the form scrolls under it, with what happened just
// above the button: a long form never hides Generate, nor the reason nothing was sent.
import { go } from '../../state/navigation-state';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import type { CostEstimate } from './price-estimate';
import type { SubmitFeedback } from './use-submit';

export const SUBMIT_KEYS = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘ Enter' : 'Ctrl Enter';

export interface SubmitBarProps {
  estimate: CostEstimate;
  problems: readonly string[];
  feedback: SubmitFeedback | null;
  sending: number;
  onSubmit: () => void;
  onDismiss: () => void;
}

export function SubmitBar({ estimate, problems, feedback, sending, onSubmit, onDismiss }: SubmitBarProps) {
  return (
    <div className="create-submit">
      {sending > 0 ? (
        <p className="create-muted create-sending" role="status">
          Sending {sending === 1 ? 'the job' : `${sending} jobs`}…
        </p>
      ) : null}
      {problems.length ? (
        <Notice tone="error" title="Nothing was sent">
          <ul className="create-problems">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Notice>
      ) : feedback?.kind === 'error' ? (
        <Notice
          tone="error"
          title="Easel could not submit this"
          action={
            feedback.code === 'MISSING_KEY' || feedback.code === 'MISSING_BASE_URL' || feedback.code === 'INSECURE_KEY_STORAGE' ? (
              <Button small onClick={() => go('settings')}>
                Open Settings
              </Button>
            ) : (
              <Button small variant="ghost" icon="close" aria-label="Dismiss" onClick={onDismiss} />
            )
          }
        >
          {feedback.message}
        </Notice>
      ) : feedback?.kind === 'sent' ? (
        <Notice
          tone="success"
          title={feedback.sent > 1 ? `Submitted (${feedback.sent} in a row) — follow them in Activity` : 'Submitted — follow it in Activity'}
          action={
            <Button small onClick={() => go('activity', { jobId: feedback.jobId })}>
              Open Activity
            </Button>
          }
        >
          <span className="create-sent-prompt">“{feedback.prompt}”</span> The form stays as it is: change it and generate again whenever you like.
        </Notice>
      ) : null}
      <div className="create-submit-row">
        <div className="create-cost" aria-live="polite">
          <span className="create-cost-label">Estimated cost</span>
          <span className={`create-cost-total${estimate.free ? ' is-free' : ''}`}>{estimate.total}</span>
          {estimate.detail ? <span className="create-cost-detail">{estimate.detail}</span> : null}
        </div>
        <Button variant="primary" className="create-generate" onClick={onSubmit} aria-keyshortcuts="Control+Enter Meta+Enter">
          Generate
          <kbd>{SUBMIT_KEYS}</kbd>
        </Button>
      </div>
    </div>
  );
}
