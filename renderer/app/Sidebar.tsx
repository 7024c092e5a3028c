import iconUrl from '../../resources/icon.svg';
import { UNFINISHED, jobsStore } from '../state/jobs-state';
import { useStore } from '../state/external-store';
import { go, navigationStore, type Section } from '../state/navigation-state';
import { Icon, type IconName } from '../ui/Icon';
import { useCreateDropTarget } from './use-create-drop-target';

const SECTIONS: readonly { id: Section; label: string; icon: IconName; shortcut: string }[] = [
  { id: 'create', label: 'Create', icon: 'create', shortcut: '1' },
  { id: 'activity', label: 'Activity', icon: 'activity', shortcut: '2' },
  { id: 'library', label: 'Library', icon: 'library', shortcut: '3' },
  { id: 'settings', label: 'Settings', icon: 'settings', shortcut: ',' },
];

export function Sidebar() {
  const { section } = useStore(navigationStore);
  const jobs = useStore(jobsStore);
  const running = [...(jobs.data?.values() ?? [])].filter((j) => UNFINISHED.has(j.state)).length;
  const createDrop = useCreateDropTarget();
  return (
    <nav className="sidebar" aria-label="Sections">
      <div className="sidebar-brand">
        <img src={iconUrl} alt="" width={28} height={28} />
        <span>Easel</span>
      </div>
      <ul>
        {SECTIONS.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              className="sidebar-item"
              aria-current={section === s.id ? 'page' : undefined}
              onClick={() => go(s.id)}
              title={`${s.label} (Ctrl+${s.shortcut})`}
              {...(s.id === 'create' ? { ...createDrop.handlers, 'data-drop-armed': createDrop.armed || undefined } : {})}
            >
              <Icon name={s.icon} />
              <span>{s.label}</span>
              {s.id === 'activity' && running > 0 ? (
                <span className="badge badge-accent" aria-label={`${running} running`}>
                  {running}
                </span>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
