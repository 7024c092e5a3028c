import { useId, type ReactNode } from 'react';

/** One card of the Settings page: a heading, a sentence on what it is for, and its controls. */
export function SettingsSection({ title, description, status, children }: { title: string; description?: ReactNode; status?: ReactNode; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="settings-section card" aria-labelledby={headingId}>
      <header className="settings-section-header">
        <div>
          <h2 id={headingId}>{title}</h2>
          {description ? <p className="settings-section-description">{description}</p> : null}
        </div>
        {status ? <div className="settings-section-status">{status}</div> : null}
      </header>
      {children}
    </section>
  );
}
