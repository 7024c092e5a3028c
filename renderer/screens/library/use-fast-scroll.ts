// Whether the grid is being flung faster than a person can look at pictures. While it is, cells
// that come into view show their plain placeholder instead of asking for a thumbnail: a flick
// through twenty thousand pictures would otherwise request, decode and paint thousands of images
// nobody sees, and that work is what makes frames late. When the speed drops (or scrolling
// stops) the cells on screen load their thumbnails at once.
import { useEffect, useState, type RefObject } from 'react';
import { FlingDetector } from './fling-detector';

/** How long the grid must be still before thumbnails load again. */
const SETTLE_MS = 120;

export function useFastScroll(ref: RefObject<HTMLElement | null>): boolean {
  const [fast, setFast] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const detector = new FlingDetector();
    let settle: ReturnType<typeof setTimeout> | undefined;
    let current = false;
    const set = (next: boolean) => {
      if (next !== current) {
        current = next;
        setFast(next);
      }
    };
    const onScroll = () => {
      set(detector.sample(performance.now(), element.scrollTop, element.clientHeight));
      clearTimeout(settle);
      settle = setTimeout(() => {
        detector.settle();
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
