// The filters a gallery or the CLI can ask for, checked and turned into the plain values the
// index binds into SQL. Bad input is refused here with a message a person can act on.
import { EaselError } from '../errors/easel-error';
import { toFtsQuery } from './fts-query';

export interface LibraryQuery {
  /** Words from the prompt or negative prompt; the last word matches as a prefix. */
  text?: string;
  provider?: string;
  model?: string;
  favorite?: boolean;
  /**
   * Creation time bounds, ISO 8601. A bare date (`2025-06-01`) means that whole UTC day, the same
   * calendar the folder layout uses; a full timestamp is used as given. Both bounds are inclusive.
   */
  from?: string;
  to?: string;
  /** Page size, newest first. */
  limit?: number;
  offset?: number;
}

export const DEFAULT_LIMIT = 100;
/** A page larger than this is a bug in the caller, not a gallery. */
export const MAX_LIMIT = 10_000;

export interface IndexFilter {
  fts: string | null;
  provider: string | null;
  model: string | null;
  favorite: 0 | 1 | null;
  fromMs: number | null;
  /** Exclusive upper bound. */
  untilMs: number | null;
}

export interface IndexPage {
  limit: number;
  offset: number;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 3600_000;

export function toIndexFilter(query: LibraryQuery): IndexFilter {
  return {
    fts: query.text === undefined ? null : toFtsQuery(query.text),
    provider: query.provider || null,
    model: query.model || null,
    favorite: query.favorite === undefined ? null : query.favorite ? 1 : 0,
    fromMs: query.from === undefined ? null : boundMs('from', query.from),
    untilMs: query.to === undefined ? null : boundMs('to', query.to) + (DATE_ONLY.test(query.to.trim()) ? DAY_MS : 1),
  };
}

export function toIndexPage(query: LibraryQuery): IndexPage {
  return {
    limit: clampInt(query.limit, DEFAULT_LIMIT, 1, MAX_LIMIT),
    offset: clampInt(query.offset, 0, 0, Number.MAX_SAFE_INTEGER),
  };
}

function boundMs(name: 'from' | 'to', value: string): number {
  const trimmed = value.trim();
  const ms = Date.parse(DATE_ONLY.test(trimmed) ? `${trimmed}T00:00:00Z` : trimmed);
  if (Number.isNaN(ms)) throw new EaselError('INVALID_INPUT', `"${value}" is not a date Easel understands for "${name}"; use a date like 2025-06-01 or a full ISO 8601 time.`);
  return ms;
}

function clampInt(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}
