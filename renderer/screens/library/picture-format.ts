// How the detail view words a picture's record: sizes, dates, how long it took, parameter
// names and values in the catalog's own words, and what its seed was.
import type { ModelInfo } from '../../../shared/catalog';
import type { PictureTimingsView } from '../../../shared/contract-library';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeWithSeconds = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', second: '2-digit' });
const dateAndTimeWithSeconds = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function parse(iso: string | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatDate(iso: string | undefined): string | null {
  if (!iso) return null;
  const date = parse(iso);
  return date ? dateTime.format(date) : iso;
}

/** "2.4 s", "38 s", "3 min 05 s", "1 h 12 min": how long a vendor took. */
export function formatElapsed(ms: number): string {
  const safe = Math.max(0, ms);
  if (safe < 1000) return 'under a second';
  if (safe < 10_000) return `${(Math.floor(safe / 100) / 10).toFixed(1)} s`;
  if (safe < 60_000) return `${Math.floor(safe / 1000)} s`;
  if (safe < 3_600_000) return `${Math.floor(safe / 60_000)} min ${String(Math.floor((safe % 60_000) / 1000)).padStart(2, '0')} s`;
  return `${Math.floor(safe / 3_600_000)} h ${Math.floor((safe % 3_600_000) / 60_000)} min`;
}

export interface TimingText {
  /** "2:00:23 PM → 2:00:41 PM": submitted → finished, the second without its date when it is the same day. */
  span: string | null;
  /** "18 s": from submitted to finished. */
  took: string | null;
}

/**
 * Submitted → finished, and how long that took. Finished is when the vendor said so, or when the
 * picture was saved where the vendor gave no time.
 */
export function describeTimings(timings: PictureTimingsView): TimingText {
  const submitted = parse(timings.submittedAt);
  const finished = parse(timings.completedAt) ?? parse(timings.savedAt);
  if (!submitted || !finished) return { span: finished ? `Finished ${dateAndTimeWithSeconds.format(finished)}` : null, took: null };
  const sameDay = submitted.toDateString() === finished.toDateString();
  const end = sameDay ? timeWithSeconds.format(finished) : dateAndTimeWithSeconds.format(finished);
  return { span: `${timeWithSeconds.format(submitted)} → ${end}`, took: formatElapsed(finished.getTime() - submitted.getTime()) };
}

/** A parameter as the Create form names it: the catalog's label, and "On"/"Off" for switches. */
export function describeParam(model: ModelInfo | undefined, key: string, value: string | number | boolean): { label: string; value: string } {
  const spec = model?.params.find((p) => p.key === key);
  const text = typeof value === 'boolean' ? (value ? 'On' : 'Off') : String(value);
  return { label: spec?.label ?? key, value: text };
}

/** The seed that was sent; when none was, whether the vendor chose one or the model takes none. */
export function describeSeed(seed: number | undefined, model: ModelInfo | undefined): { value: string | null; note: string | null } {
  if (seed !== undefined) return { value: String(seed), note: null };
  if (model && !model.seed) return { value: null, note: 'This model takes no seed' };
  return { value: null, note: 'None sent (random at the vendor)' };
}

/** "example.com · cat.png" for an address a person recognises at a glance. */
export function shortUrl(value: string): string {
  try {
    const url = new URL(value);
    const last = url.pathname.split('/').filter(Boolean).pop();
    return last ? `${url.host} · ${safeDecode(last)}` : url.host;
  } catch {
    return value;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
