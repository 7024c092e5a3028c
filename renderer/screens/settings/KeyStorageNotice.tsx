// How this computer protects keys. On Linux without a keyring, Electron falls back to basic_text
// (a password hard-coded in Electron); keys are refused there until the person accepts it, and
// main asks once more in a native dialog when they do.
import type { KeyStorage } from '../../../shared/contract-keys';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { Notice } from '../../ui/Notice';
import { backendName } from './key-accounts';
import { FeedbackNotice } from './FeedbackNotice';
import { allowBasicText } from './settings-actions';
import { useSaveFeedback } from './use-save-feedback';

export function KeyStorageNotice({ storage }: { storage: KeyStorage }) {
  const feedback = useSaveFeedback();
  const busy = feedback.state.kind === 'saving';

  if (!storage.encryptionAvailable) {
    return (
      <Notice tone="error" title="Keys cannot be stored right now">
        {storage.warning ?? 'The operating system offers no encryption for keys, so Easel will not store one.'}
      </Notice>
    );
  }

  if (storage.weak && !storage.consented) {
    return (
      <div className="key-storage">
        <Notice
          tone="warning"
          title="No keyring on this computer"
          action={
            <Button small onClick={() => void feedback.run(() => allowBasicText(true))} disabled={busy}>
              Store keys without a keyring…
            </Button>
          }
        >
          {storage.warning}
        </Notice>
        <FeedbackNotice state={feedback.state} />
      </div>
    );
  }

  if (storage.weak) {
    return (
      <div className="key-storage">
        <Notice
          tone="warning"
          title="Keys are stored without a keyring"
          action={
            <Button small variant="ghost" onClick={() => void feedback.run(() => allowBasicText(false))} disabled={busy}>
              Require a keyring
            </Button>
          }
        >
          You accepted Electron’s basic_text storage: any program running as you could read these keys. Start a keyring and restart Easel to protect them properly.
        </Notice>
        <FeedbackNotice state={feedback.state} />
      </div>
    );
  }

  return (
    <p className="key-storage-ok">
      <Icon name="lock" size={16} />
      <span>
        Keys are encrypted by {backendName(storage.backend)} and stay on this computer. Once saved, a key is never shown again, only its last four characters.
      </span>
    </p>
  );
}
