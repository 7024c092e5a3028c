// `npm run bench`: speed and memory of the parts a person waits on. Numbers are reported (and
// quoted in issue notes), never asserted in tests: timings depend on the machine.
//   npm run bench [library|runner|download|cli|scroll]   (one of them, or all)
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchDownload } from './download-bench';
import { benchLibrary } from './library-bench';
import { benchRunner } from './runner-bench';

function cliStartupMs(runs = 5): number {
  const env = { ...process.env, EASEL_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'easel-bench-cli-')) };
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    execFileSync(process.execPath, [path.resolve('bin/easel.mjs'), 'providers', '--json'], { env, stdio: 'ignore' });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(runs / 2)]!);
}

const only = process.argv[2];
const results: Record<string, unknown> = {};
if (!only || only === 'library') results.library20k = await benchLibrary(20_000);
if (!only || only === 'runner') results.runner50Jobs = await benchRunner(50);
if (!only || only === 'download') results.download4k = await benchDownload(Number(process.argv[3] ?? 4096));
if (!only || only === 'cli') results.cliStartupMedianMs = cliStartupMs();
// The window's library grid in Chromium, 20,000 pictures flung and browsed (about two minutes).
// Imported only here: Vite and Playwright in the process would add ~200 MB to the RSS the
// runner bench reports.
if (!only || only === 'scroll') results.libraryScroll20k = await (await import('./library-scroll-bench')).benchLibraryScroll(20_000);
console.log(JSON.stringify(results, null, 2));
