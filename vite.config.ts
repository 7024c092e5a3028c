// The renderer build (Vite root: renderer/). scripts/build.mjs runs it, then bundles main and
// preload with their own settings; `npx vite build` alone builds just the renderer.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./renderer/', import.meta.url));
const outDir = fileURLToPath(new URL('./out/renderer/', import.meta.url));

export default defineConfig({
  root,
  // Relative asset URLs: the page is served from app://easel/ and must not assume a host root.
  base: './',
  plugins: [react()],
  publicDir: false,
  build: {
    outDir,
    emptyOutDir: true,
    // Only Electron's own Chromium runs this page (Electron 45 ships a newer one than this).
    target: 'chrome140',
    sourcemap: true,
    // The CSP forbids inline scripts; keep the module-preload helper out of the HTML.
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1024,
  },
});
