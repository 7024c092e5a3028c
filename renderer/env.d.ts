/// <reference types="vite/client" />
import type { EaselApi } from '../shared/contract';

declare global {
  // Built by the preload from shared/contract.ts (or by the browser test harness, from the same
  // channel list). Optional: the built page can be opened without it, and then says so.
  interface Window {
    readonly easel?: EaselApi;
  }
}
