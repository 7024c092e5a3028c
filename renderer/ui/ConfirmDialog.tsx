// A modal question with one safe answer and one that does something: Escape, the backdrop and
// the safe answer all decline, and the safe answer has focus first.
import { useEffect, useRef, type ReactNode } from 'react';
import { Button } from './Button';
import type { IconName } from './Icon';

interface ConfirmProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** The doing answer's words while it runs ("Moving…"). */
  busyLabel: string;
  confirmIcon?: IconName;
  /** The safe answer ("Cancel" unless a plainer word fits, like "Keep trying"). */
  cancelLabel?: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ title, children, confirmLabel, busyLabel, confirmIcon = 'trash', cancelLabel = 'Cancel', busy = false, onConfirm, onCancel }: ConfirmProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!element.open) element.showModal();
    element.querySelector<HTMLButtonElement>('[data-autofocus]')?.focus();
    return () => {
      element.close();
      if (opener?.isConnected) opener.focus({ preventScroll: true });
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog card"
      role="alertdialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      onClick={(event) => {
        if (event.target === dialog.current) onCancel();
      }}
    >
      <h2 id="confirm-title">{title}</h2>
      <div id="confirm-body" className="confirm-body">
        {children}
      </div>
      <div className="confirm-actions">
        <Button data-autofocus onClick={onCancel} disabled={busy}>
          {cancelLabel}
        </Button>
        <Button variant="danger" className="btn-danger-solid" icon={confirmIcon} onClick={onConfirm} disabled={busy}>
          {busy ? busyLabel : confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
