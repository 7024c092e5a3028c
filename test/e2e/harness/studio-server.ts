// The page's origin in the browser tests: one node:http server on 127.0.0.1 that serves the
// built renderer exactly as the app:// protocol does (same resolver, same CSP and security
// headers: electron/main/app-protocol.ts) and library pictures under /media/, answered by the
// same media responder main hands to protocol.handle. CSP 'self' covers both, as in the app.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP_ORIGIN } from '../../../electron/main/app-origin';
import { respondWithAppAsset } from '../../../electron/main/app-protocol';
import { MEDIA_SCHEME } from '../../../electron/core/service/media-url';
import type { MediaResponder } from '../../../electron/core/service/media-responder';

export const MEDIA_PREFIX = '/media/';

export interface ServedRequest {
  method: string;
  path: string;
  status: number;
}

export interface StudioServer {
  /** http://127.0.0.1:<port>, no trailing slash. */
  readonly origin: string;
  /** What createEaselService needs as `mediaBase`. */
  readonly mediaBase: string;
  /** Every request answered, in order (a 404 for a script or picture shows up here). */
  readonly requests: ServedRequest[];
  close(): Promise<void>;
}

export interface StudioServerOptions {
  /** out/renderer. */
  rendererDir: string;
  /** Read per request: the service is built after the server (it needs the origin). */
  media: () => MediaResponder | null;
  /**
   * Answers window.easel calls POSTed to /__invoke as JSON, for a page that reaches the core
   * over HTTP instead of page.exposeBinding (the scroll bench: a binding's answer reaches the
   * page as a DevTools message whose JSON is compiled as script, tens of milliseconds for a page
   * of pictures, which Electron's IPC never costs).
   */
  invoke?: (channel: unknown, input: unknown) => Promise<unknown>;
}

export const INVOKE_PATH = '/__invoke';

export async function startStudioServer(options: StudioServerOptions): Promise<StudioServer> {
  const requests: ServedRequest[] = [];
  const server = createServer((req, res) => {
    void handle(req, res, options, requests);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    mediaBase: `${origin}${MEDIA_PREFIX}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, options: StudioServerOptions, log: ServedRequest[]): Promise<void> {
  let response: Response;
  try {
    response = await answer(req, options);
  } catch {
    response = new Response(null, { status: 500 });
  }
  try {
    await send(req, res, response, log);
  } catch {
    res.destroy();
  }
}

async function answer(req: IncomingMessage, options: StudioServerOptions): Promise<Response> {
  const method = req.method ?? 'GET';
  // The raw target, undecoded and unnormalised, as the protocol handlers would see it.
  const target = (req.url ?? '/').split('#')[0]!;
  if (target.startsWith(MEDIA_PREFIX)) {
    const media = options.media();
    if (media === null) return new Response(null, { status: 503 });
    const pathOnly = target.split('?')[0]!;
    return media({ method, url: `${MEDIA_SCHEME}://${pathOnly.slice(MEDIA_PREFIX.length)}` });
  }
  if (target === INVOKE_PATH && method === 'POST' && options.invoke) {
    const { channel, input } = JSON.parse(await readBody(req)) as { channel: unknown; input: unknown };
    return Response.json(await options.invoke(channel, input));
  }
  // Chromium asks every http origin for one; Electron's app:// window never does.
  if (target === '/favicon.ico') return new Response(null, { status: 204 });
  return respondWithAppAsset(options.rendererDir, new Request(`${APP_ORIGIN}${target.startsWith('/') ? target : `/${target}`}`, { method }));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function send(req: IncomingMessage, res: ServerResponse, response: Response, log: ServedRequest[]): Promise<void> {
  log.push({ method: req.method ?? 'GET', path: req.url ?? '/', status: response.status });
  const body = response.body === null ? null : Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, headers);
  res.end(body);
}
