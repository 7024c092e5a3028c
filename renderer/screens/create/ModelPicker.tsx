// Provider and model in one place: a button naming the current model, opening a searchable list
// grouped by vendor, with what each model does and what it costs. Vendors without a key are
// listed (a person may prepare a request) and marked; the sandbox is always there.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ProviderView } from '../../../shared/contract';
import { go } from '../../state/navigation-state';
import { Icon } from '../../ui/Icon';
import { groupModels, optionKey, providerReady } from './model-groups';
import type { ModelRef } from './model-choice';
import { priceLabel } from './price-estimate';

export function ModelPicker({ providers, selected, onSelect }: { providers: readonly ProviderView[]; selected: ModelRef; onSelect: (ref: ModelRef) => void }) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(optionKey(selected.provider.id, selected.model.id));
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);

  const groups = useMemo(() => groupModels(providers, query), [providers, query]);
  const flat = useMemo(() => groups.flatMap((g) => g.models.map((model) => ({ provider: g.provider, model }))), [groups]);
  const missingKeys = providers.some((p) => !providerReady(p));

  useEffect(() => {
    if (!open) return;
    search.current?.focus();
    const close = (event: PointerEvent) => {
      if (!popover.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);

  // Keep the active option in view while arrowing through a long list.
  useEffect(() => {
    if (!open) return;
    list.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(active)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [open, active]);

  // What is typed narrows the list; the active option follows to the first match.
  useEffect(() => {
    if (flat.length && !flat.some((o) => optionKey(o.provider.id, o.model.id) === active)) setActive(optionKey(flat[0]!.provider.id, flat[0]!.model.id));
  }, [flat, active]);

  const openPicker = () => {
    setQuery('');
    setActive(optionKey(selected.provider.id, selected.model.id));
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const choose = (ref: ModelRef) => {
    onSelect(ref);
    close(true);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const index = flat.findIndex((o) => optionKey(o.provider.id, o.model.id) === active);
    const moveTo = (i: number) => {
      const option = flat[(i + flat.length) % flat.length];
      if (option) setActive(optionKey(option.provider.id, option.model.id));
    };
    if (event.key === 'ArrowDown') moveTo(index + 1);
    else if (event.key === 'ArrowUp') moveTo(index - 1);
    else if (event.key === 'PageDown') moveTo(Math.min(flat.length - 1, index + 8));
    else if (event.key === 'PageUp') moveTo(Math.max(0, index - 8));
    else if (event.key === 'Enter' && index >= 0) choose(flat[index]!);
    else if (event.key === 'Escape') close(true);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  const { provider, model } = selected;
  return (
    <div className="create-model-picker">
      <button
        ref={button}
        type="button"
        className="create-model-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={`Model: ${model.label} by ${provider.label}. Change model`}
        onClick={() => (open ? close(false) : openPicker())}
      >
        <span className="create-model-button-text">
          <span className="create-model-vendor">{provider.label}</span>
          <span className="create-model-name">{model.label}</span>
        </span>
        <Icon name="chevronDown" />
      </button>
      {open ? (
        <div ref={popover} className="create-model-popover card" role="dialog" aria-label="Choose a model" onKeyDown={onKeyDown}>
          <div className="create-model-search">
            <Icon name="search" size={16} />
            <input
              ref={search}
              className="input"
              role="combobox"
              aria-expanded="true"
              aria-controls={`${id}-list`}
              aria-activedescendant={flat.length ? `${id}-${active}` : undefined}
              aria-autocomplete="list"
              aria-label="Search models"
              placeholder="Search models and vendors"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          </div>
          <div ref={list} id={`${id}-list`} className="create-model-list" role="listbox" aria-label="Models">
            {groups.map((group) => (
              <div
                key={group.provider.id}
                role="group"
                aria-labelledby={`${id}-g-${group.provider.id}`}
                aria-describedby={group.provider.keyAccount === null || !group.provider.keyPresent ? `${id}-gs-${group.provider.id}` : undefined}
              >
                <div className="create-model-group">
                  <span id={`${id}-g-${group.provider.id}`}>{group.provider.label}</span>
                  {group.provider.keyAccount === null ? (
                    <span className="badge badge-ok" id={`${id}-gs-${group.provider.id}`}>
                      Free · no key
                    </span>
                  ) : group.provider.keyPresent ? null : (
                    <span className="badge badge-warn" id={`${id}-gs-${group.provider.id}`}>
                      needs a key
                    </span>
                  )}
                </div>
                {group.models.map((m) => {
                  const key = optionKey(group.provider.id, m.id);
                  const isSelected = key === optionKey(provider.id, model.id);
                  return (
                    <div
                      key={key}
                      id={`${id}-${key}`}
                      data-key={key}
                      role="option"
                      aria-selected={isSelected}
                      aria-labelledby={`${id}-${key}-name`}
                      aria-describedby={`${id}-${key}-price ${id}-${key}-desc`}
                      className={`create-model-option${key === active ? ' is-active' : ''}`}
                      onPointerMove={() => key !== active && setActive(key)}
                      onClick={() => choose({ provider: group.provider, model: m })}
                    >
                      <span className="create-model-option-head">
                        <span className="create-model-option-name" id={`${id}-${key}-name`}>
                          {m.label}
                        </span>
                        {isSelected ? <Icon name="check" size={15} /> : null}
                        <span className="create-model-option-price" id={`${id}-${key}-price`}>
                          {priceLabel(group.provider, m)}
                        </span>
                      </span>
                      <span className="create-model-option-desc" id={`${id}-${key}-desc`}>
                        {m.description}
                      </span>
                    </div>
                  );
                })}
              </div>
            ))}
            {groups.length === 0 ? <p className="create-muted create-model-empty">No model matches “{query}”.</p> : null}
          </div>
          {missingKeys ? (
            <div className="create-model-footer">
              <span>Vendors marked “needs a key” work once their key is in Settings.</span>
              <button type="button" className="btn btn-small btn-secondary" onClick={() => go('settings')}>
                <Icon name="key" size={15} />
                Open Settings
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
