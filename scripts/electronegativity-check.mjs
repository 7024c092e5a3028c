// Runs @doyensec/electronegativity over the built app in out/ (main, preload and renderer) and
// fails when a HIGH or MEDIUM finding is not explained in scripts/electronegativity-suppressions.json,
// when an explanation no longer matches any finding (so the file cannot rot), or when a built file
// could not be parsed (an unread file is an unchecked one). Runs offline: the tool's two network
// lookups (translations, Electron's release list) are answered "unavailable" at once.
// Usage: node scripts/electronegativity-check.mjs [outDir]    (after npm run build)
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const input = path.resolve(root, process.argv[2] ?? 'out');
const suppressionsFile = path.join(root, 'scripts', 'electronegativity-suppressions.json');

const BLOCKING = new Set(['HIGH', 'MEDIUM']);
const MIN_REASON = 40;

for (const bundle of ['main/main.js', 'preload/preload.cjs', 'renderer/index.html']) {
  if (!existsSync(path.join(input, bundle))) fail(`${path.join(input, bundle)} is missing: run \`npm run build\` first.`);
}

const config = JSON.parse(readFileSync(suppressionsFile, 'utf8'));
const excluded = config.excludedChecks ?? [];
const suppressions = config.suppressions ?? [];
for (const entry of [...excluded, ...suppressions]) {
  if (typeof entry.reason !== 'string' || entry.reason.trim().length < MIN_REASON) {
    fail(`Every entry in ${path.relative(root, suppressionsFile)} needs a reason a reviewer can check (${JSON.stringify(entry.check)} has none).`);
  }
}

goOffline();
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const run = require('@doyensec/electronegativity');
const staged = stage(input);
const result = await quietly(() =>
  run(
    {
      input: staged.dir,
      isRelative: true,
      isVerbose: false,
      customScan: [],
      excludeFromScan: excluded.map((entry) => entry.check.toLowerCase()),
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  ),
);

rmSync(staged.dir, { recursive: true, force: true });
for (const issue of result.issues) issue.file = staged.original(issue.file);
for (const error of result.errors) error.file = staged.original(path.relative(staged.dir, error.file));

const unreadable = result.errors.filter((error) => !error.tolerable);
const rows = [];
const unexplained = [];
const used = new Set();
for (const issue of result.issues) {
  const file = issue.file.split(path.sep).join('/');
  const severity = issue.severity.name;
  const match = suppressions.findIndex((s) => s.check === issue.id && s.file === file);
  if (match >= 0) used.add(match);
  const status = !BLOCKING.has(severity) ? 'noted' : match >= 0 ? 'explained' : 'UNEXPLAINED';
  if (status === 'UNEXPLAINED') unexplained.push(issue);
  rows.push(`${status.padEnd(11)} ${severity.padEnd(6)} ${issue.id} ${file}:${issue.location.line}:${issue.location.column}`);
}
const stale = suppressions.filter((_, index) => !used.has(index));

console.log(`electronegativity ${require('@doyensec/electronegativity/package.json').version} over ${path.relative(root, input) || '.'} (Electron ${electronVersion}): ${result.issues.length} finding(s), ${excluded.length} check(s) excluded`);
for (const row of rows) console.log(`  ${row}`);
for (const entry of excluded) console.log(`  excluded    ${entry.check}: ${entry.reason}`);

const problems = [
  ...unexplained.map((issue) => `${issue.severity.name} ${issue.id} in ${issue.file}:${issue.location.line} is not explained. Fix it, or add it with its reason to ${path.relative(root, suppressionsFile)}.`),
  ...stale.map((entry) => `The suppression of ${entry.check} in ${entry.file} matches no finding any more: remove it.`),
  ...unreadable.map((error) => `${error.file} could not be parsed (${error.message}), so it was not checked.`),
];
if (problems.length > 0) fail(problems.join('\n'));
console.log('electronegativity: no unexplained HIGH or MEDIUM finding.');

/**
 * The tool reads only .js/.ts/.html files, so the CommonJS preload (preload.cjs) would go
 * unchecked. It scans a copy of out/ instead, with .cjs named .js and source maps left out, and
 * reports findings under the real names.
 */
function stage(from) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'easel-electronegativity-'));
  cpSync(from, dir, { recursive: true, filter: (source) => !source.endsWith('.map') });
  const renamed = new Map();
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.cjs')) {
        const js = full.replace(/\.cjs$/, '.js');
        renameSync(full, js);
        renamed.set(path.relative(dir, js).split(path.sep).join('/'), path.relative(dir, full).split(path.sep).join('/'));
      }
    }
  };
  walk(dir);
  return {
    dir,
    original: (file) => {
      const relative = file.split(path.sep).join('/');
      return renamed.get(relative) ?? relative;
    },
  };
}

function fail(message) {
  console.error(`electronegativity check failed:\n${message}`);
  process.exit(1);
}

/** The tool fetches translations and Electron's release list with `got`; here every fetch fails at once. */
function goOffline() {
  const toolDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const gotPath = require.resolve('got', { paths: [toolDir] });
  const unavailable = () => Promise.reject(new Error('offline: electronegativity runs without network in Easel CI'));
  unavailable.head = unavailable;
  unavailable.get = unavailable;
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: unavailable, children: [], paths: [] };
}

/** The tool prints a banner line about translations; keep its chatter out of CI logs. */
async function quietly(action) {
  const log = console.log;
  console.log = () => {};
  try {
    return await action();
  } finally {
    console.log = log;
  }
}
