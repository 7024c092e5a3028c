// Bundles page-bridge.ts (with the preload's bridge-api.ts and the contract's channel list) into
// one classic script for page.addInitScript, with Vite's JS API, in memory. Built once per
// worker and whatever the renderer build does, so the page always runs today's bridge code.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const entry = fileURLToPath(new URL('./page-bridge.ts', import.meta.url));

let cached: Promise<string> | null = null;

export function bridgeScript(): Promise<string> {
  cached ??= bundle();
  return cached;
}

async function bundle(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('package.json', `file://${repoRoot}`), 'utf8')) as { version: string };
  const result = await build({
    configFile: false,
    root: repoRoot,
    mode: 'production',
    logLevel: 'silent',
    publicDir: false,
    // The preload build defines the same constant (scripts/build.mjs).
    define: { __EASEL_VERSION__: JSON.stringify(pkg.version) },
    build: {
      write: false,
      minify: false,
      sourcemap: false,
      target: 'chrome140',
      reportCompressedSize: false,
      copyPublicDir: false,
      lib: { entry, formats: ['iife'], name: 'EaselHarnessBridge', fileName: () => 'easel-bridge.js' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  for (const output of outputs) {
    if (!('output' in output)) continue;
    const chunk = output.output.find((item) => item.type === 'chunk');
    if (chunk && chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('Bundling the harness bridge produced no script.');
}
