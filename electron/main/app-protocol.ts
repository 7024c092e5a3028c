import { readFile } from 'node:fs/promises';
import type { CustomScheme, Protocol } from 'electron';
import { resolveAppAsset } from './app-asset-path';
import { APP_SCHEME } from './app-origin';
import { contentSecurityPolicy } from './content-security-policy';

/**
 * Registered before the app is ready (privileged-schemes.ts). `standard` gives app://easel a real
 * origin (relative URLs, 'self' in the CSP, localStorage); `secure` makes it a secure context
 * like https. Not `corsEnabled`: that would let other origins read the shell's files, and the
 * page only ever loads its own scripts, which are same-origin.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

const SECURITY_HEADERS = {
  'content-security-policy': contentSecurityPolicy('header'),
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
} as const;

/** Serves the built renderer (rootDir = out/renderer) on app://easel/, read-only and confined. */
export async function respondWithAppAsset(rootDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(null, { status: 405, headers: SECURITY_HEADERS });
  }
  const asset = resolveAppAsset(rootDir, request.url);
  if (asset === null) return new Response(null, { status: 404, headers: SECURITY_HEADERS });
  let body: Buffer;
  try {
    body = await readFile(asset.filePath);
  } catch {
    return new Response(null, { status: 404, headers: SECURITY_HEADERS });
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'content-type': asset.contentType, 'cache-control': 'no-cache' },
  });
}

export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, (request) => respondWithAppAsset(rootDir, request));
}
