// Whether the grid is being flung faster than a person can look at pictures. While it is, cells
// that come into view show their plain placeholder instead of asking for a thumbnail: a flick
// through twenty thousand pictures would otherwise request, decode and paint thousands of images
// nobody sees, and that work is what makes frames late. When the speed drops (or scrolling
// stops) the cells on screen load their thumbnails at once.
import { useEffect, useState, type RefObject } from 'react';

/** Screens per second above which scrolling counts as a fling. */
const FAST_SCREENS_PER_SECOND = 3;
/** How long the grid must be still (or slow) before thumbnails load again. */
const SETTLE_MS = 120;
/** Speed is measured over this window, so one big wheel step does not count as a fling. */
const WINDOW_MS = 100;

export function useFastScroll(ref: RefObject<HTMLElement | null>): boolean {
  const [fast, setFast] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let samples: { at: number; top: number }[] = [];
    let settle: ReturnType<typeof setTimeout> | undefined;
    let current = false;
    const set = (next: boolean) => {
      if (next !== current) {
        current = next;
        setFast(next);
      }
    };
    const onScroll = () => {
      const at = performance.now();
      samples.push({ at, top: element.scrollTop });
      samples = samples.filter((sample) => at - sample.at <= WINDOW_MS);
      const first = samples[0]!;
      const elapsed = Math.max(at - first.at, 16);
      const speed = (Math.abs(element.scrollTop - first.top) / elapsed) * 1000;
      const screen = Math.max(element.clientHeight, 1);
      // Hysteresis: slowing to under half the fling speed counts as looking again.
      if (speed > FAST_SCREENS_PER_SECOND * screen) set(true);
      else if (samples.length > 1 && speed < (FAST_SCREENS_PER_SECOND / 2) * screen) set(false);
      clearTimeout(settle);
      settle = setTimeout(() => {
        samples = [];
        set(false);
      }, SETTLE_MS);
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      element.removeEventListener('scroll', onScroll);
      clearTimeout(settle);
    };
  }, [ref]);
  return fast;
}
