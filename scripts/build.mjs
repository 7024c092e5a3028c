// Builds everything Electron loads, into out/:
//   out/renderer/       the React app (vite.config.ts)
//   out/main/main.js    the main process, an ES module (package.json "main")
//   out/preload/preload.cjs
//                       the preload: CommonJS in one file, because a sandboxed preload can
//                       require only 'electron' and cannot load ES modules
// Usage: node scripts/build.mjs            (or import { buildApp } from it)
import { readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

async function readPackage() {
  return JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
}

/** `name` or `name/sub/path` → is it one of `packages`? */
function isPackageIn(id, packages) {
  const name = id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : id.split('/')[0];
  return packages.has(name);
}

/** Settings main and preload share: a Node-flavoured (SSR) library build, not minified. */
function nodeBundle({ entry, outDir, fileName, format, external, define }) {
  return {
    configFile: false,
    root,
    mode: 'production',
    logLevel: 'warn',
    publicDir: false,
    define,
    build: {
      ssr: entry,
      outDir: path.join(root, outDir),
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      sourcemap: true,
      reportCompressedSize: false,
      copyPublicDir: false,
      rolldownOptions: {
        external,
        output: { format, entryFileNames: fileName, codeSplitting: false },
      },
    },
    // Bundle whatever `external` does not claim (shared/, electron/core, small pure packages).
    ssr: { noExternal: true, target: 'node' },
  };
}

export async function buildRenderer() {
  await build({ configFile: path.join(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
}

export async function buildMain() {
  const pkg = await readPackage();
  // Runtime dependencies ship in the app's node_modules (electron-builder copies them), and the
  // native ones (libsql, sharp) cannot be bundled at all: leave every one of them as an import.
  const dependencies = new Set(Object.keys(pkg.dependencies ?? {}));
  await build(
    nodeBundle({
      entry: 'electron/main/main.ts',
      outDir: 'out/main',
      fileName: 'main.js',
      format: 'es',
      external: (id) => id === 'electron' || id.startsWith('electron/') || builtins.has(id) || isPackageIn(id, dependencies),
      define: {},
    }),
  );
}

export async function buildPreload() {
  const pkg = await readPackage();
  await build(
    nodeBundle({
      entry: 'electron/preload/preload.ts',
      outDir: 'out/preload',
      fileName: 'preload.cjs',
      format: 'cjs',
      // Everything else (zod, shared/contract) is bundled in: the sandbox has no node_modules.
      external: (id) => id === 'electron',
      define: { __EASEL_VERSION__: JSON.stringify(pkg.version) },
    }),
  );
  await checkPreloadRequires();
}

/** A sandboxed preload that requires anything but 'electron' fails at run time: fail here. */
async function checkPreloadRequires() {
  const code = await readFile(path.join(root, 'out/preload/preload.cjs'), 'utf8');
  const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((match) => match[1]);
  const foreign = [...new Set(required.filter((id) => id !== 'electron'))];
  if (foreign.length > 0) {
    throw new Error(
      `out/preload/preload.cjs requires ${foreign.join(', ')}; a sandboxed preload can require only 'electron'.`,
    );
  }
}

export async function buildApp() {
  await buildRenderer();
  await buildMain();
  await buildPreload();
}

const runDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runDirectly) {
  const started = Date.now();
  try {
    await buildApp();
    console.log(`Built out/renderer, out/main/main.js and out/preload/preload.cjs in ${Date.now() - started} ms.`);
  } catch (error) {
    console.error(`Build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
