// Builds the renderer once per run with Vite's JS API and the app's own vite.config.ts (what
// scripts/build.mjs's buildRenderer does), into a fresh folder of its own: two runs on one
// machine (the suite and `npm run screenshots`, say) never empty each other's build. The folder
// reaches the test workers through EASEL_E2E_RENDERER_DIR and is removed when the run ends.
// EASEL_E2E_SKIP_BUILD=1 serves out/renderer as it is (from `npm run build`), for quick reruns
// of tests that changed nothing under renderer/.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export default async function globalSetup(): Promise<(() => void) | void> {
  if (process.env.EASEL_E2E_SKIP_BUILD === '1') {
    const built = path.join(repoRoot, 'out', 'renderer');
    if (!existsSync(path.join(built, 'index.html'))) {
      throw new Error('EASEL_E2E_SKIP_BUILD=1, but out/renderer has no build: run `npm run build` once, or run without it.');
    }
    process.env.EASEL_E2E_RENDERER_DIR = built;
    return;
  }
  const started = Date.now();
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'easel-e2e-renderer-'));
  await build({
    configFile: path.join(repoRoot, 'vite.config.ts'),
    mode: 'production',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  process.env.EASEL_E2E_RENDERER_DIR = outDir;
  console.log(`Built the renderer for the browser tests in ${Date.now() - started} ms.`);
  return () => rmSync(outDir, { recursive: true, force: true });
}
