// What the person narrows the library to, as the form holds it, and the library.query it means.
// Dates are the person's own calendar days: a "to" day includes all of that day, local time.
import type { ProviderId } from '../../../shared/domain';
import type { LibraryFilterQuery } from '../../state/library-query';

export interface LibraryFilters {
  /** Already debounced: the words being searched for, not the words being typed. */
  text: string;
  provider: ProviderId | '';
  model: string;
  favorite: boolean;
  /** yyyy-mm-dd from <input type="date">, or ''. */
  from: string;
  to: string;
}

export const NO_FILTERS: LibraryFilters = { text: '', provider: '', model: '', favorite: false, from: '', to: '' };

export function hasFilters(filters: LibraryFilters): boolean {
  return filters.text.trim() !== '' || filters.provider !== '' || filters.model !== '' || filters.favorite || filters.from !== '' || filters.to !== '';
}

function localDay(value: string, dayOffset: number): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + dayOffset);
}

export function toLibraryQuery(filters: LibraryFilters): LibraryFilterQuery {
  const text = filters.text.trim();
  const from = localDay(filters.from, 0);
  // The core's bounds are inclusive: the last millisecond of the chosen day.
  const nextDay = localDay(filters.to, 1);
  return {
    ...(text !== '' ? { text } : {}),
    ...(filters.provider !== '' ? { provider: filters.provider } : {}),
    ...(filters.model !== '' ? { model: filters.model } : {}),
    ...(filters.favorite ? { favorite: true } : {}),
    ...(from ? { from: from.toISOString() } : {}),
    ...(nextDay ? { to: new Date(nextDay.getTime() - 1).toISOString() } : {}),
  };
}
