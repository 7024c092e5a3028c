// One shared clock for elapsed times and "time left" on screen. It ticks once a second, only
// while a component that shows a live job is mounted, and only for display: job state itself
// arrives from main as events and is never polled from here.
import { useSyncExternalStore } from 'react';

const TICK_MS = 1000;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
let now = wholeSecond();

function wholeSecond(): number {
  // Rounded so that two reads within one second agree (useSyncExternalStore compares them).
  return Math.floor(Date.now() / TICK_MS) * TICK_MS;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    now = wholeSecond();
    timer = setInterval(() => {
      now = wholeSecond();
      for (const notify of listeners) notify();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

function read(): number {
  // While nothing ticks, the stored value may be old; the current second is the honest answer.
  if (timer === null) now = wholeSecond();
  return now;
}

const still = () => () => {};

/** The current time, re-rendering every second while `ticking`; a fixed read otherwise. */
export function useNow(ticking: boolean): number {
  return useSyncExternalStore(ticking ? subscribe : still, read);
}
