// Replaced at bundle time by scripts/build.mjs (Vite `define`) with package.json's version.
declare const __EASEL_VERSION__: string;
