// The window opens where the person left it: size, position and maximized state are saved on
// close in <dataDir>/window-state.json and restored only when the saved title bar would still be
// on a connected display (a monitor unplugged since must not leave the window off screen).
import Conf from 'conf';
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const SavedSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean().default(false),
});
export type SavedWindowState = z.infer<typeof SavedSchema>;

export interface WindowSizing {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

export interface WindowPlacement {
  /** x and y are absent when the window should be centred by the OS. */
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
}

/** How much of the title bar must be on a display for the saved position to be kept. */
const TITLE_BAR = { height: 32, minVisibleWidth: 96 };

export function placeWindow(saved: unknown, workAreas: readonly Rect[], sizing: WindowSizing): WindowPlacement {
  const parsed = SavedSchema.safeParse(saved);
  const fallback: WindowPlacement = { bounds: { width: sizing.width, height: sizing.height }, maximized: false };
  if (!parsed.success) return fallback;
  const state = parsed.data;
  const area = workAreas.find((candidate) => titleBarVisibleOn(state, candidate));
  const largest = workAreas.reduce<Rect | undefined>((best, a) => (!best || a.width * a.height > best.width * best.height ? a : best), undefined);
  const fit = area ?? largest;
  const width = clamp(state.width, sizing.minWidth, fit?.width ?? state.width);
  const height = clamp(state.height, sizing.minHeight, fit?.height ?? state.height);
  if (!area) return { bounds: { width, height }, maximized: state.maximized };
  return { bounds: { x: state.x, y: state.y, width, height }, maximized: state.maximized };
}

function titleBarVisibleOn(window: Rect, area: Rect): boolean {
  const left = Math.max(window.x, area.x);
  const right = Math.min(window.x + window.width, area.x + area.width);
  const top = Math.max(window.y, area.y);
  const bottom = Math.min(window.y + TITLE_BAR.height, area.y + area.height);
  return right - left >= TITLE_BAR.minVisibleWidth && bottom - top > 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, Math.max(min, max)));
}

export interface WindowStateStore {
  load(): unknown;
  save(state: SavedWindowState): void;
}

export function windowStateStore(dataDir: string): WindowStateStore {
  const conf = new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'window-state', accessPropertiesByDotNotation: false, clearInvalidConfig: true });
  return {
    load: () => conf.store,
    save(state) {
      const parsed = SavedSchema.safeParse(state);
      if (parsed.success) conf.store = parsed.data;
    },
  };
}
