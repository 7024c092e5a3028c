// `npm start`: builds out/ and opens the desktop app. Without the Electron binary (installed
// with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or offline) it says so in one line and exits 1 before
// spending time on a build nobody can run.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildApp } from './build.mjs';
import { findElectronBinary, MISSING_ELECTRON_MESSAGE } from './electron-binary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

const electron = findElectronBinary();
if (electron === null) {
  console.error(MISSING_ELECTRON_MESSAGE);
  process.exit(1);
}

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
