// The filters above the grid: provider, model (grouped by provider), favourites, and a date
// range. Every control is labelled; "Clear" appears once anything (search included) narrows.
import { useCallback } from 'react';
import type { ProviderView } from '../../../shared/contract';
import { PROVIDER_IDS, type ProviderId } from '../../../shared/domain';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { hasFilters, NO_FILTERS, type LibraryFilters } from './library-filters';

interface ToolbarProps {
  filters: LibraryFilters;
  providers: readonly ProviderView[] | null;
  onChange: (next: LibraryFilters) => void;
}

const isProviderId = (value: string): value is ProviderId => (PROVIDER_IDS as readonly string[]).includes(value);

export function LibraryFilterBar({ filters, providers, onChange }: ToolbarProps) {
  const set = useCallback((patch: Partial<LibraryFilters>) => onChange({ ...filters, ...patch }), [filters, onChange]);
  const modelProviders = (providers ?? []).filter((p) => filters.provider === '' || p.id === filters.provider);

  return (
    <div className="library-toolbar">
      <div className="library-filters" role="group" aria-label="Filters">
        <label className="library-filter">
          <span className="visually-hidden">Provider</span>
          <select
            className="select"
            value={filters.provider}
            onChange={(event) => {
              const value = event.target.value;
              const provider = isProviderId(value) ? value : '';
              const keepsModel = provider === '' || (providers?.find((p) => p.id === provider)?.models.some((m) => m.id === filters.model) ?? false);
              set({ provider, model: keepsModel ? filters.model : '' });
            }}
          >
            <option value="">All providers</option>
            {(providers ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <label className="library-filter">
          <span className="visually-hidden">Model</span>
          <select
            className="select"
            value={filters.model === '' ? '' : `${filters.provider}|${filters.model}`}
            onChange={(event) => {
              const [provider = '', model = ''] = event.target.value.split('|');
              // Choosing a model names its provider too: model ids repeat across APIs.
              set({ model, provider: isProviderId(provider) ? provider : filters.provider });
            }}
          >
            <option value="">All models</option>
            {filters.model !== '' && !modelProviders.some((p) => p.models.some((m) => m.id === filters.model)) ? (
              <option value={`${filters.provider}|${filters.model}`}>{filters.model}</option>
            ) : null}
            {modelProviders.map((p) => (
              <optgroup key={p.id} label={p.label}>
                {p.models.map((m) => (
                  <option key={m.id} value={`${p.id}|${m.id}`}>
                    {m.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <button type="button" className="chip library-fav-chip" aria-pressed={filters.favorite} onClick={() => set({ favorite: !filters.favorite })}>
          <Icon name="star" size={14} filled={filters.favorite} />
          Favourites
        </button>
        <div className="library-dates" role="group" aria-label="Date range">
          <label className="library-date">
            <span>From</span>
            <input className="input" type="date" value={filters.from} max={filters.to || undefined} onChange={(event) => set({ from: event.target.value })} />
          </label>
          <label className="library-date">
            <span>to</span>
            <input className="input" type="date" value={filters.to} min={filters.from || undefined} onChange={(event) => set({ to: event.target.value })} />
          </label>
        </div>
        {hasFilters(filters) ? (
          <Button small variant="ghost" icon="close" onClick={() => onChange(NO_FILTERS)}>
            Clear
          </Button>
        ) : null}
      </div>
    </div>
  );
}
