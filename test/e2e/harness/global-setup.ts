// Builds the renderer once per run, into out/renderer, with Vite's JS API and the app's own
// vite.config.ts (what scripts/build.mjs's buildRenderer does). EASEL_E2E_SKIP_BUILD=1 reuses
// the last build, for quick reruns of tests that changed nothing under renderer/.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export default async function globalSetup(): Promise<void> {
  if (process.env.EASEL_E2E_SKIP_BUILD === '1') {
    if (!existsSync(path.join(repoRoot, 'out', 'renderer', 'index.html'))) {
      throw new Error('EASEL_E2E_SKIP_BUILD=1, but out/renderer has no build yet: run once without it.');
    }
    return;
  }
  const started = Date.now();
  await build({ configFile: path.join(repoRoot, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  console.log(`Built out/renderer for the browser tests in ${Date.now() - started} ms.`);
}
