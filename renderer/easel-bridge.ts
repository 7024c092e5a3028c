// The window's only way out: window.easel, built from the contract by the preload. Errors thrown
// by its calls carry a code and a message meant for a person.
import type { EaselApi } from '../shared/contract';
import { readBridgeError, type BridgeErrorInfo } from '../shared/contract-channels';

export function easelApi(): EaselApi | null {
  return typeof window !== 'undefined' && window.easel ? window.easel : null;
}

/** window.easel, for code that only runs once the app has checked it exists. */
export function easel(): EaselApi {
  const api = easelApi();
  if (!api) throw new Error('Easel’s bridge is missing: open this page in the Easel app.');
  return api;
}

export function errorOf(error: unknown): BridgeErrorInfo {
  return readBridgeError(error);
}
