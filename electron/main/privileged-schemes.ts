// Electron takes the list of privileged schemes once, before 'ready': both of Easel's go in one call.
import type { Protocol } from 'electron';
import { APP_SCHEME_PRIVILEGES } from './app-protocol';
import { MEDIA_SCHEME_PRIVILEGES } from './media-protocol';

export function registerPrivilegedSchemes(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES, MEDIA_SCHEME_PRIVILEGES]);
}
