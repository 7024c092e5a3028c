import { useState } from 'react';
import iconUrl from '../resources/icon.svg';

type SectionId = 'create' | 'activity' | 'library' | 'settings';

interface Section {
  id: SectionId;
  label: string;
  summary: string;
}

const SECTIONS: readonly Section[] = [
  {
    id: 'create',
    label: 'Create',
    summary: 'Write a prompt, pick a vendor and a model, and drop in reference pictures to edit.',
  },
  {
    id: 'activity',
    label: 'Activity',
    summary: 'Every job, followed to the end in the background, even across restarts.',
  },
  {
    id: 'library',
    label: 'Library',
    summary: 'Every picture saved on this computer long before the vendor deletes it, searchable offline.',
  },
  {
    id: 'settings',
    label: 'Settings',
    summary: 'API keys, kept encrypted by your operating system; base URLs; the library folder.',
  },
];

const CLI_EXAMPLE = [
  'export EASEL_REVID_API_KEY=sk_live_…',
  'npm run --silent cli -- generate --provider revid --model nano-banana \\',
  '  --prompt "a lighthouse at dusk, oil painting"',
].join('\n');

export function App() {
  const [current, setCurrent] = useState<SectionId>('create');
  const section = SECTIONS.find((candidate) => candidate.id === current) ?? SECTIONS[0]!;
  const version = window.easel?.version;

  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">
          <img className="brand-icon" src={iconUrl} alt="" width={28} height={28} />
          <span className="brand-name">Easel</span>
        </div>
        <nav aria-label="Sections">
          <ul className="nav">
            {SECTIONS.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  className="nav-item"
                  aria-current={item.id === current ? 'page' : undefined}
                  onClick={() => setCurrent(item.id)}
                >
                  {item.label}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        {version !== undefined && <p className="version">Version {version}</p>}
      </aside>

      <main className="content">
        <header className="content-header">
          <h1>{section.label}</h1>
          <p className="lead">{section.summary}</p>
        </header>

        <section className="notice" aria-labelledby="notice-title">
          <h2 id="notice-title">The desktop studio is being built</h2>
          <p>
            The command line works today, on the same core: it submits the job, follows it to the end and
            saves the picture into your library.
          </p>
          <pre className="command">
            <code>{CLI_EXAMPLE}</code>
          </pre>
          <p className="hint">
            <code>npm run --silent cli -- --help</code> lists every command.
          </p>
        </section>
      </main>
    </div>
  );
}
