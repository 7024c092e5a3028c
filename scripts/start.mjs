// `npm start`: builds out/ and opens the desktop app, fetching the Electron binary on the first
// start. Where it cannot have the binary (downloads turned off with ELECTRON_SKIP_BINARY_DOWNLOAD,
// or offline) it says so in one line and exits 1 before spending time on a build nobody can run.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildApp } from './build.mjs';
import { ensureElectronBinary } from './electron-binary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

const ensured = ensureElectronBinary();
if (ensured.binary === null) {
  console.error(ensured.message);
  process.exit(1);
}
const electron = ensured.binary;

try {
  await buildApp();
} catch (error) {
  console.error(`Build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

// Electron reads package.json "main" (out/main/main.js) from the folder it is given.
const env = { ...process.env };
// Set by some editors' terminals; it would make Electron behave as plain Node.
delete env.ELECTRON_RUN_AS_NODE;

const child = spawn(electron, [root, ...process.argv.slice(2)], { stdio: 'inherit', env });

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}

child.on('error', (error) => {
  console.error(`Could not start Electron (${electron}): ${error.message}`);
  process.exit(1);
});

child.on('exit', (code, signal) => {
  process.exit(code ?? (signal === null ? 0 : 1));
});
