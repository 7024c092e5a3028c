/// <reference types="vite/client" />

// What the preload exposes today. The typed bridge built from shared/contract.ts replaces this;
// it is optional because the built page can also be opened without the preload (in a browser).
interface Window {
  readonly easel?: { readonly version: string };
}
