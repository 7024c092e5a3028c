import type { ReactNode } from 'react';
import { Icon } from './Icon';

/** An inline message: an error in plain words, a warning, or a note. */
export function Notice({ tone, title, children, action }: { tone: 'error' | 'warning' | 'info' | 'success'; title?: string; children?: ReactNode; action?: ReactNode }) {
  const icon = tone === 'error' || tone === 'warning' ? 'alert' : tone === 'success' ? 'check' : 'info';
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <Icon name={icon} size={16} />
      <div className="notice-body">
        {title ? <strong>{title}</strong> : null}
        {children ? <div>{children}</div> : null}
      </div>
      {action ? <div className="notice-action">{action}</div> : null}
    </div>
  );
}
