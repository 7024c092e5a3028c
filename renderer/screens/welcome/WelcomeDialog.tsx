// The first-run welcome: a modal dialog (native <dialog>, so the page behind is inert and Escape
// closes it) with focus kept inside and starting on the first offer.
import { useEffect, useRef } from 'react';
import iconUrl from '../../../resources/icon.svg';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { useFocusTrap } from './use-focus-trap';
import { addKey, trySandbox } from './welcome-actions';

export function WelcomeDialog({ onClose }: { onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const firstRef = useRef<HTMLButtonElement>(null);
  useFocusTrap(dialogRef);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    firstRef.current?.focus();
    // Escape: the dialog's cancel event. React owns the dialog's lifetime, so the browser must
    // not close it on its own.
    const onCancel = (event: Event) => {
      event.preventDefault();
      onClose();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
    };
  }, [onClose]);

  const choose = (action: () => void) => () => {
    onClose();
    action();
  };

  return (
    <dialog ref={dialogRef} className="welcome" aria-labelledby="welcome-title" aria-describedby="welcome-about">
      <Button variant="ghost" icon="close" className="welcome-close" aria-label="Close" onClick={onClose} />
      <img className="welcome-icon" src={iconUrl} alt="" width={56} height={56} />
      <h2 id="welcome-title">Welcome to Easel</h2>
      <p id="welcome-about" className="welcome-about">
        Easel sends your prompts to the image services you use and follows every job to the end. Your keys stay in your system’s keychain,
        and every picture is saved on this computer before the vendor deletes it.
      </p>
      <div className="welcome-offers">
        <button ref={firstRef} type="button" className="welcome-offer welcome-offer-primary" onClick={choose(trySandbox)}>
          <span className="welcome-offer-icon">
            <Icon name="brush" size={20} />
          </span>
          <span className="welcome-offer-text">
            <span className="welcome-offer-title">Try the sandbox</span>
            <span className="welcome-offer-hint">Free and offline: paints a picture from your prompt. No key needed.</span>
          </span>
          <Icon name="arrowRight" size={18} />
        </button>
        <button type="button" className="welcome-offer" onClick={choose(addKey)}>
          <span className="welcome-offer-icon">
            <Icon name="key" size={20} />
          </span>
          <span className="welcome-offer-text">
            <span className="welcome-offer-title">Add a key</span>
            <span className="welcome-offer-hint">Paste a revid, kvid or Unified API key in Settings.</span>
          </span>
          <Icon name="arrowRight" size={18} />
        </button>
      </div>
    </dialog>
  );
}
