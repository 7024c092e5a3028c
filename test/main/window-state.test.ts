import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { placeWindow, windowStateStore } from '../../electron/main/window-state';

const sizing = { width: 1280, height: 820, minWidth: 880, minHeight: 560 };
const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const external = { x: 1440, y: -200, width: 2560, height: 1415 };

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('window placement', () => {
  it('opens at the default size, centred, the first time', () => {
    expect(placeWindow(undefined, [laptop], sizing)).toEqual({ bounds: { width: 1280, height: 820 }, maximized: false });
    expect(placeWindow({ width: 'big' }, [laptop], sizing).bounds).toEqual({ width: 1280, height: 820 });
  });

  it('restores size, position and maximized state on a display that is still there', () => {
    const saved = { x: 1600, y: 0, width: 1500, height: 1000, maximized: true };
    expect(placeWindow(saved, [laptop, external], sizing)).toEqual({ bounds: { x: 1600, y: 0, width: 1500, height: 1000 }, maximized: true });
  });

  it('keeps the size but lets the OS place a window whose display was unplugged', () => {
    const saved = { x: 1600, y: 0, width: 1300, height: 800, maximized: false };
    expect(placeWindow(saved, [laptop], sizing)).toEqual({ bounds: { width: 1300, height: 800 }, maximized: false });
  });

  it('does not restore a window whose title bar is off screen', () => {
    expect(placeWindow({ x: 100, y: -500, width: 1000, height: 700 }, [laptop], sizing).bounds).not.toHaveProperty('x');
    expect(placeWindow({ x: 1400, y: 100, width: 1000, height: 700 }, [laptop], sizing).bounds).not.toHaveProperty('x');
  });

  it('never makes the window smaller than its minimum or larger than its display', () => {
    expect(placeWindow({ x: 0, y: 0, width: 200, height: 100 }, [laptop], sizing).bounds).toMatchObject({ width: 880, height: 560 });
    expect(placeWindow({ x: 0, y: 0, width: 5000, height: 4000 }, [laptop], sizing).bounds).toMatchObject({ width: 1440, height: 875 });
  });

  it('remembers what it was told across restarts, and ignores nonsense', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'easel-window-'));
    windowStateStore(dir).save({ x: 10, y: 20, width: 1000, height: 700, maximized: false });
    expect(windowStateStore(dir).load()).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: false });
    windowStateStore(dir).save({ x: 1, y: 2, width: -5, height: 700, maximized: false });
    expect(windowStateStore(dir).load()).toMatchObject({ width: 1000 });
  });
});
