import type { KeyStatus } from '../../../shared/contract-keys';
import { Icon } from '../../ui/Icon';

/** Whether a key is stored, told by its last four characters only. */
export function KeyStatusBadge({ status }: { status: KeyStatus }) {
  if (!status.present) return <span className="badge">No key</span>;
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
