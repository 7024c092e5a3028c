// Library scroll benchmark: does the grid stay smooth with 20,000 pictures? A real core and the
// built renderer in Debian's Chromium (the browser-test harness's pieces, without the test
// runner), a library seeded with 20,000 pictures (sidecars + index rows; the image files are a
// dozen paintings hard-linked under every name, so thumbnails are real but cheap), then the grid
// is flung from top to bottom, then browsed slowly from the top, while a PerformanceObserver
// records long tasks and long animation frames.
// window.easel reaches the core over HTTP (fetch and JSON.parse in the page), not through
// page.exposeBinding as in the browser tests: a binding's answer arrives as a DevTools message
// whose JSON is compiled as a script, 60–70 ms on the page's main thread for a page of 200
// pictures, a cost of the test transport that Electron's IPC (a structured clone) does not have.
// The service fixture points every vendor at a closed port: nothing leaves this machine.
// Reports the count of main-thread tasks over 50 ms and the longest; asserts nothing (timings
// depend on the machine).
//
//   node bin/run-ts.mjs test/bench/library-scroll-bench.ts [pictures] [stepPx]
//   EASEL_BENCH_SKIP_BUILD=1 serves out/renderer (from npm run build); EASEL_BENCH_TRACE=<file>
//   writes a Chromium trace of the fling (open it in DevTools' Performance panel); EASEL_CHROMIUM picks the browser.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Locator } from '@playwright/test';
import { build } from 'vite';
import { createThumbnails } from '../../electron/core/library/thumbnails';
import { dispatchChannel } from '../../electron/core/service/channel-dispatch';
import { createMediaResponder, type MediaResponder } from '../../electron/core/service/media-responder';
import { startServiceFixture } from '../core/service/service-fixture';
import { bridgeScript } from '../e2e/harness/bridge-script';
import { INVOKE_PATH, startStudioServer } from '../e2e/harness/studio-server';
import { seedLibrary } from '../e2e/library-seed';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface ScrollBenchResult {
  pictures: number;
  seedMs: number;
  /** From navigation to the first row of thumbnails decoded. */
  firstPaintMs: number;
  /** Flinging top to bottom at about 12,000 px/s. */
  fling: ScrollPhaseResult;
  /** Browsing at about 1,500 px/s, thumbnails loading as they come. */
  browse: ScrollPhaseResult;
  /** The same during the first load (bundle start, first page), for context. */
  loadLongTasks: number;
  loadLongestMs: number;
  /** library.query calls made while scrolling (both phases). */
  pageQueries: number;
  /** Grid cells in the page at the end (virtualization keeps this small). */
  cellsInPage: number;
  /** How busy the machine was: timings mean little on a loaded one. */
  cpus: number;
  loadAverageBefore: number;
  loadAverageAfter: number;
}

export interface ScrollPhaseResult {
  steps: number;
  stepPx: number;
  scrollMs: number;
  /** Long tasks (each over 50 ms by definition) while scrolling, and the longest. */
  longTasksOver50ms: number;
  longestTaskMs: number;
  /**
   * Long animation frames in which the page's own scripts ran over 50 ms in total, and the most
   * script time in one frame: the part of any jank the app is answerable for (a long task with
   * no script in it is style, layout, paint, image work, or a machine too busy to schedule the
   * page).
   */
  framesWithScriptOver50ms: number;
  longestFrameScriptMs: number;
  /** Thumbnails the page asked for during the phase. */
  thumbnailRequests: number;
}

interface PhaseOutcome {
  loadTasks: { start: number; duration: number }[];
  scrollTasks: { start: number; duration: number }[];
  scriptFrames: number[];
  steps: number;
  scrollMs: number;
  cells: number;
}

const longest = (tasks: { duration: number }[]) => Math.round(Math.max(0, ...tasks.map((t) => t.duration)));

function summarize(outcome: PhaseOutcome, stepPx: number): Omit<ScrollPhaseResult, 'thumbnailRequests'> {
  return {
    steps: outcome.steps,
    stepPx,
    scrollMs: Math.round(outcome.scrollMs),
    longTasksOver50ms: outcome.scrollTasks.length,
    longestTaskMs: longest(outcome.scrollTasks),
    framesWithScriptOver50ms: outcome.scriptFrames.filter((ms) => ms > 50).length,
    longestFrameScriptMs: Math.round(Math.max(0, ...outcome.scriptFrames)),
  };
}

/** Scrolls the grid by stepPx every other frame, to the end or for maxSteps, recording jank. */
async function scrollPhase(grid: Locator, stepPx: number, maxSteps: number): Promise<PhaseOutcome> {
  return grid.evaluate(
    async (element, { step, max }) => {
      const probe = (window as unknown as { __bench: PageProbe }).__bench;
      const loadTasks = probe.longTasks.splice(0);
      probe.frames.splice(0);
      const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      const started = performance.now();
      let steps = 0;
      while (steps < max && element.scrollTop + element.clientHeight < element.scrollHeight - 1) {
        element.scrollTop += step;
        steps++;
        await frame();
        await frame();
      }
      // The last rows' pages and thumbnails arrive.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return {
        loadTasks,
        scrollTasks: probe.longTasks.filter((t) => t.start >= started),
        scriptFrames: probe.frames.filter((f) => f.start >= started).map((f) => f.scriptMs),
        steps,
        scrollMs: performance.now() - started,
        cells: document.querySelectorAll('.lib-cell').length,
      };
    },
    { step: stepPx, max: maxSteps === Number.POSITIVE_INFINITY ? 1e9 : maxSteps },
  );
}

interface PageProbe {
  longTasks: { start: number; duration: number }[];
  /** Long animation frames: when, and how long scripts ran in each. */
  frames: { start: number; scriptMs: number }[];
}

export async function benchLibraryScroll(pictures = 20_000, stepPx = 400): Promise<ScrollBenchResult> {
  // A build of its own (as the browser tests do), so a bench never empties another run's.
  const skipBuild = process.env.EASEL_BENCH_SKIP_BUILD === '1';
  const rendererDir = skipBuild ? path.join(repoRoot, 'out', 'renderer') : mkdtempSync(path.join(os.tmpdir(), 'easel-bench-renderer-'));
  if (!skipBuild) {
    await build({ configFile: path.join(repoRoot, 'vite.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir: rendererDir, emptyOutDir: true } });
  }
  let media: MediaResponder | null = null;
  let fixture: Awaited<ReturnType<typeof startServiceFixture>> | null = null;
  let pageQueries = 0;
  const invoke = async (channel: unknown, input: unknown) => {
    if (!fixture) throw new Error('The service is not ready.');
    if (channel === 'library.query') pageQueries++;
    return dispatchChannel(fixture.service.handlers, channel, input, { secrets: () => fixture!.service.secrets() });
  };
  const server = await startStudioServer({ rendererDir, media: () => media, invoke });
  fixture = await startServiceFixture({ service: { mediaBase: server.mediaBase, log: () => {} } });
  media = createMediaResponder({ libraryRoot: () => fixture.core.library.root, thumbnails: createThumbnails({ dir: path.join(fixture.dataDir, 'thumbnails') }) });
  const browser = await chromium.launch({
    executablePath: process.env.EASEL_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const seedStarted = performance.now();
    const workDir = path.join(fixture.dataDir, 'bench');
    mkdirSync(workDir, { recursive: true });
    await seedLibrary(fixture.core.library, { count: pictures, distinct: 12, size: 256, workDir });
    const seedMs = Math.round(performance.now() - seedStarted);

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript((path) => {
      (window as unknown as { __easelInvoke: (channel: string, input: unknown) => Promise<unknown> }).__easelInvoke = async (channel, input) => {
        const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ channel, input }) });
        return response.json();
      };
    }, INVOKE_PATH);
    await page.addInitScript({ content: await bridgeScript() });
    // tsx (which runs this file) names arrow functions with a __name helper; the page has none.
    await page.addInitScript({ content: 'window.__name = (fn) => fn;' });
    await page.addInitScript(() => {
      window.localStorage.setItem('easel.welcome.seen', '1');
      const probe: PageProbe = { longTasks: [], frames: [] };
      (window as unknown as { __bench: PageProbe }).__bench = probe;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
      type FrameTiming = PerformanceEntry & { scripts?: readonly { duration: number }[] };
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as FrameTiming[]) {
          probe.frames.push({ start: entry.startTime, scriptMs: (entry.scripts ?? []).reduce((sum, script) => sum + script.duration, 0) });
        }
      }).observe({ type: 'long-animation-frame', buffered: true });
    });

    const opened = performance.now();
    await page.goto(`${server.origin}/`);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Library' }).click();
    const grid = page.getByRole('grid', { name: 'Pictures' });
    await grid.waitFor();
    await page.waitForFunction(() => {
      const first = document.querySelector<HTMLImageElement>('.lib-cell img');
      return first !== null && first.complete && first.naturalWidth > 0;
    });
    const firstPaintMs = Math.round(performance.now() - opened);
    // Let the first page settle (thumbnails of the first screen, idle work) before measuring.
    await page.waitForTimeout(1000);
    const served = server.requests.length;
    const queriesBefore = pageQueries;
    const loadAverageBefore = os.loadavg()[0]!;

    // A fling: one step every other frame, about 12,000 px/s at 400 px, top to bottom.
    const trace = process.env.EASEL_BENCH_TRACE;
    if (trace) await browser.startTracing(page, { path: trace, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'cc', 'gpu', 'toplevel'] });
    const fling = await scrollPhase(grid, stepPx, Number.POSITIVE_INFINITY);
    if (trace) await browser.stopTracing();
    const flingThumbs = server.requests.slice(served).filter((r) => r.path.includes('/thumb/')).length;
    // Browsing: back to the top, then 50 px every other frame (about 1,500 px/s, slow enough to
    // look at the pictures, so every thumbnail loads) for 600 steps, about a thousand pictures.
    await grid.evaluate((element) => {
      element.scrollTop = 0;
    });
    await page.waitForTimeout(1000);
    const beforeBrowse = server.requests.length;
    const browse = await scrollPhase(grid, 50, 600);
    const browseThumbs = server.requests.slice(beforeBrowse).filter((r) => r.path.includes('/thumb/')).length;

    return {
      pictures,
      seedMs,
      firstPaintMs,
      fling: { ...summarize(fling, stepPx), thumbnailRequests: flingThumbs },
      browse: { ...summarize(browse, 50), thumbnailRequests: browseThumbs },
      loadLongTasks: fling.loadTasks.length,
      loadLongestMs: longest(fling.loadTasks),
      pageQueries: pageQueries - queriesBefore,
      cellsInPage: fling.cells,
      cpus: os.cpus().length,
      loadAverageBefore: Number(loadAverageBefore.toFixed(2)),
      loadAverageAfter: Number(os.loadavg()[0]!.toFixed(2)),
    };
  } finally {
    await browser.close();
    await fixture.close();
    await server.close();
    if (!skipBuild) rmSync(rendererDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(path.resolve(process.argv[1] ?? '')).href) {
  const result = await benchLibraryScroll(Number(process.argv[2] ?? 20_000), Number(process.argv[3] ?? 400));
  console.log(JSON.stringify(result, null, 2));
  const line = (name: string, phase: ScrollPhaseResult) =>
    `${name} (${phase.steps} steps of ${phase.stepPx} px): ${phase.longTasksOver50ms} long tasks over 50 ms (longest ${phase.longestTaskMs} ms), ` +
    `${phase.framesWithScriptOver50ms} frames with over 50 ms of the page's script (most ${phase.longestFrameScriptMs} ms), ${phase.thumbnailRequests} thumbnails asked for`;
  console.log(
    `Library scroll, ${result.pictures.toLocaleString('en')} pictures. ${line('Fling', result.fling)}. ${line('Browse', result.browse)}. ` +
      `${result.cpus} CPUs, load ${result.loadAverageBefore} → ${result.loadAverageAfter}.`,
  );
}
