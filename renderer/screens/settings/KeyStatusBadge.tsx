import type { KeyStatus, KeyTestResult } from '../../../shared/contract-keys';
import { Icon } from '../../ui/Icon';

/**
 * Whether a key is stored, told by its last four characters only; and, once a test has said the
 * vendor refuses it, that first: a green "Saved" beside "The key was refused" contradicts itself.
 */
export function KeyStatusBadge({ status, tested }: { status: KeyStatus; tested: KeyTestResult | null }) {
  if (!status.present) return <span className="badge">No key</span>;
  if (tested?.outcome === 'invalid') {
    return (
      <span className="badge badge-danger">
        <Icon name="alert" size={13} /> Refused{status.lastFour ? <>, ends in <span className="key-last-four">…{status.lastFour}</span></> : null}
      </span>
    );
  }
  if (status.problem) {
    return (
      <span className="badge badge-danger">
        <Icon name="alert" size={13} /> Cannot be read
      </span>
    );
  }
  return (
    <span className="badge badge-ok">
      <Icon name="check" size={13} /> Saved{status.lastFour ? <>, ends in <span className="key-last-four">…{status.lastFour}</span></> : null}
    </span>
  );
}
