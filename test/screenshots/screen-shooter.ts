// Takes the pictures: waits until what is on screen has loaded, then writes
// test-results/screenshots/<name>-<scheme>.png. Whole-page variants grow the viewport to the
// scrolling area's height, since the app scrolls inside <main>, not the document.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';

/** EASEL_SHOTS_DIR puts them elsewhere (any run of the e2e suite empties test-results/). */
export const SHOTS_DIR = process.env.EASEL_SHOTS_DIR ? path.resolve(process.env.EASEL_SHOTS_DIR) : fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

export type Scheme = 'light' | 'dark';

export async function settle(page: Page): Promise<void> {
  await page
    .waitForFunction(() => [...document.images].every((img) => img.complete) && !document.querySelector('[role="progressbar"][aria-label^="Loading"]'), null, { timeout: 15_000 })
    .catch(() => undefined);
  // Let entrance animations and "Saved" flashes finish.
  await page.waitForTimeout(350);
}

export async function shoot(page: Page, name: string, scheme: Scheme, options: { whole?: boolean } = {}): Promise<string> {
  await mkdir(SHOTS_DIR, { recursive: true });
  await settle(page);
  const file = path.join(SHOTS_DIR, `${name}-${scheme}.png`);
  if (!options.whole) {
    await page.screenshot({ path: file });
    return file;
  }
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  const height = await page.evaluate(() => {
    const main = document.querySelector('main');
    return main ? main.scrollHeight : document.documentElement.scrollHeight;
  });
  await page.setViewportSize({ width: viewport.width, height: Math.min(4000, Math.max(viewport.height, height)) });
  await settle(page);
  await page.screenshot({ path: file });
  await page.setViewportSize(viewport);
  return file;
}

/** The first of several ways to find something that is visible within `timeout` ms, or null. */
export async function firstVisible(candidates: readonly Locator[], timeout = 4_000): Promise<Locator | null> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const candidate of candidates) {
      const first = candidate.first();
      if (await first.isVisible().catch(() => false)) return first;
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return null;
}
