// A rolling one-minute request limit, the kind vendors state as "N requests per minute". The
// window slides (it is not reset on the minute) so a client that bursts right at a boundary is
// still caught, and the wait it is told is the real time until the oldest request leaves it.

const WINDOW_MS = 60_000;

export class PerMinuteLimit {
  /** Arrival times of the requests inside the current window, oldest first. */
  private readonly recent: number[] = [];

  constructor(readonly perMinute: number) {}

  /**
   * Counts one request and answers null while within the limit; past it, answers the whole
   * seconds (at least 1, for Retry-After) until a slot frees. A refused request takes no slot,
   * so a client that waits as long as it was told does get through.
   */
  take(now = Date.now()): number | null {
    while (this.recent.length > 0 && (this.recent[0] ?? 0) <= now - WINDOW_MS) this.recent.shift();
    if (this.recent.length >= this.perMinute) {
      const oldest = this.recent[0] ?? now;
      return Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000));
    }
    this.recent.push(now);
    return null;
  }
}
