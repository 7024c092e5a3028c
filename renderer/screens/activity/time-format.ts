// Durations and times as a person reads them in Activity: "8 s", "2 min 05 s", "1 d 4 h".
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A running or finished duration; seconds are kept below an hour so a ticking clock moves. */
export function formatDuration(ms: number): string {
  const safe = Math.max(0, ms);
  if (safe < MINUTE) return `${Math.floor(safe / SECOND)} s`;
  if (safe < HOUR) return `${Math.floor(safe / MINUTE)} min ${String(Math.floor((safe % MINUTE) / SECOND)).padStart(2, '0')} s`;
  if (safe < DAY) return `${Math.floor(safe / HOUR)} h ${Math.floor((safe % HOUR) / MINUTE)} min`;
  return `${Math.floor(safe / DAY)} d ${Math.floor((safe % DAY) / HOUR)} h`;
}

/** A coarse time left ("about 12 s", "3 h 20 min", "2 d 4 h"), for estimates and expiry. */
export function formatTimeLeft(ms: number): string {
  const safe = Math.max(0, ms);
  if (safe < MINUTE) return `${Math.max(1, Math.ceil(safe / SECOND))} s`;
  if (safe < HOUR) return `${Math.ceil(safe / MINUTE)} min`;
  if (safe < DAY) return `${Math.floor(safe / HOUR)} h ${Math.floor((safe % HOUR) / MINUTE)} min`;
  return `${Math.floor(safe / DAY)} d ${Math.floor((safe % DAY) / HOUR)} h`;
}

const timeOnly = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dateAndTime = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });

/** "14:03" today, "Mar 9, 14:03" before. */
export function formatStarted(iso: string, now: number): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Date(now).toDateString() === date.toDateString() ? timeOnly.format(date) : dateAndTime.format(date);
}

export function msBetween(fromIso: string | undefined, to: number): number {
  const from = fromIso ? Date.parse(fromIso) : Number.NaN;
  return Number.isNaN(from) ? 0 : to - from;
}
