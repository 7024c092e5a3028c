// When the Library grid counts as flung (placeholders only) and when the person is looking at
// pictures (thumbnails load): fed the scroll positions a browser reports, frame by frame.
import { describe, expect, it } from 'vitest';
import { FlingDetector } from '../../../renderer/screens/library/fling-detector';

const SCREEN = 673; // the grid's height in a 1280×800 window
const FRAME = 1000 / 60;

/** Scrolls `px` every other frame for `steps` steps from `from`; returns every answer and the end. */
function scroll(detector: FlingDetector, start: { at: number; top: number }, px: number, steps: number): { answers: boolean[]; at: number; top: number } {
  let { at, top } = start;
  const answers: boolean[] = [];
  for (let i = 0; i < steps; i++) {
    at += 2 * FRAME;
    top += px;
    answers.push(detector.sample(at, top, SCREEN));
  }
  return { answers, at, top };
}

describe('the fling detector', () => {
  it('calls a flick through the library (about 12,000 px/s) a fling within a few frames', () => {
    const detector = new FlingDetector();
    const { answers } = scroll(detector, { at: 0, top: 0 }, 400, 30);
    expect(answers.slice(0, 1)).toEqual([false]);
    expect(answers.slice(3).every(Boolean)).toBe(true);
  });

  it('never calls steady browsing (about 1,500 px/s) a fling', () => {
    const detector = new FlingDetector();
    const { answers } = scroll(detector, { at: 0, top: 0 }, 50, 600);
    expect(answers.some(Boolean)).toBe(false);
  });

  it('does not take a hitch in the frames for a fling while browsing', () => {
    const detector = new FlingDetector();
    let state = scroll(detector, { at: 0, top: 0 }, 50, 30);
    // One long frame (a busy machine), then the next two scroll events a frame apart.
    state = { ...state, at: state.at + 110 };
    expect(detector.sample(state.at, (state.top += 50), SCREEN)).toBe(false);
    expect(detector.sample((state.at += FRAME), (state.top += 50), SCREEN)).toBe(false);
    const after = scroll(detector, state, 50, 300);
    expect(after.answers.some(Boolean)).toBe(false);
  });

  it('lets thumbnails load again once a fling slows to browsing speed', () => {
    const detector = new FlingDetector();
    const flung = scroll(detector, { at: 0, top: 0 }, 400, 30);
    expect(flung.answers.at(-1)).toBe(true);
    const slowed = scroll(detector, flung, 20, 30);
    expect(slowed.answers.at(-1)).toBe(false);
  });

  it('does not call one big wheel step a fling', () => {
    const detector = new FlingDetector();
    expect(detector.sample(1000, 600, SCREEN)).toBe(false);
    expect(detector.sample(1000 + FRAME, 600, SCREEN)).toBe(false);
    expect(detector.sample(1000 + 4 * FRAME, 600, SCREEN)).toBe(false);
  });

  it('starts over after the grid settles', () => {
    const detector = new FlingDetector();
    const flung = scroll(detector, { at: 0, top: 0 }, 400, 30);
    expect(flung.answers.at(-1)).toBe(true);
    detector.settle();
    expect(detector.sample(flung.at + 500, flung.top + 50, SCREEN)).toBe(false);
  });
});
