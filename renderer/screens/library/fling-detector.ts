// Decides, from scroll positions and their times, whether the grid is being flung faster than a
// person can look at pictures. Pure (times come in as numbers), so its judgement is tested
// without a browser; use-fast-scroll.ts feeds it the grid's scroll events.
//
// Speed is measured over a span of at least MIN_SPAN_MS. Two scroll events a frame apart after a
// hitch (a long frame, a busy machine) would otherwise read as a burst of several screens per
// second, and the hysteresis below would then keep a steady, looking-at-pictures scroll in
// "fling" mode (placeholders only) until it stopped.

/** Screens per second above which scrolling counts as a fling. */
export const FAST_SCREENS_PER_SECOND = 3;
/** Speed is measured over about this much recent scrolling, so one big wheel step does not count as a fling. */
const WINDOW_MS = 100;
/** The shortest span a speed is read over. */
const MIN_SPAN_MS = 48;

interface Sample {
  at: number;
  top: number;
}

export class FlingDetector {
  private samples: Sample[] = [];
  private fast = false;

  /** Records a scroll position; answers whether the grid is being flung now. */
  sample(at: number, top: number, screenPx: number): boolean {
    this.samples.push({ at, top });
    // Keep the window, plus the last sample before it as the span's start.
    const firstInWindow = this.samples.findIndex((s) => at - s.at <= WINDOW_MS);
    this.samples = this.samples.slice(Math.max(0, firstInWindow - 1));
    const first = this.samples[0]!;
    const span = at - first.at;
    if (span < MIN_SPAN_MS) return this.fast;
    const speed = (Math.abs(top - first.top) / span) * 1000;
    const screen = Math.max(screenPx, 1);
    // Hysteresis: slowing to under half the fling speed counts as looking again.
    if (speed > FAST_SCREENS_PER_SECOND * screen) this.fast = true;
    else if (speed < (FAST_SCREENS_PER_SECOND / 2) * screen) this.fast = false;
    return this.fast;
  }

  /** Scrolling stopped: the next movement starts a new measurement. */
  settle(): void {
    this.samples = [];
    this.fast = false;
  }
}
