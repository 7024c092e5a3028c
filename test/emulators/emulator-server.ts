// The base every vendor emulator stands on: a real HTTP server on 127.0.0.1 (so clients go
// through their whole network stack), a log of every request for assertions, and faults a test
// can script per route to reproduce what real vendors and networks do on a bad day.
import { createHash } from 'node:crypto';
import { createServer, STATUS_CODES, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FileStore, type FileStoreOptions, type PutFileOptions, type StoredFile } from './file-store';

export type Fault =
  /** Answer with this status instead of running the handler (429 + Retry-After, 500, 503…). */
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  /** HTTP 200 labelled JSON whose body does not parse. */
  | { kind: 'malformed-json' }
  /**
   * Read the whole request, log it, then close the socket without a word. afterHandling: the
   * handler runs first (a create really creates the job) and only the answer is lost, which is
   * the case that makes a create's outcome unknown to the client.
   */
  | { kind: 'drop'; afterHandling?: boolean }
  /** Send the handler's headers with the full Content-Length, about half the body, then close. */
  | { kind: 'truncate' }
  /** Wait, then answer normally. */
  | { kind: 'delay'; ms: number };

export interface UploadedFile {
  filename: string;
  contentType: string;
  bytes: number;
  sha256: string;
}

export interface RecordedForm {
  fields: Record<string, string[]>;
  files: Record<string, UploadedFile[]>;
}

export interface RecordedRequest {
  /** Name of the route that matched; null when none did (answered 404/405). */
  route: string | null;
  method: string;
  path: string;
  query: Record<string, string>;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Parsed body when it was sent as JSON and parsed. */
  json?: unknown;
  /** Parsed body when it was multipart/form-data or urlencoded and parsed. */
  form?: RecordedForm;
  bodyBytes: number;
  /** Date.now() when the request arrived. */
  at: number;
  /** True when a scripted fault was applied to this request. */
  faulted: boolean;
  fault?: Fault;
}

export interface EmulatorRequest extends Readonly<RecordedRequest> {
  /** Values of `:name` segments of the route pattern. */
  params: Record<string, string>;
  body: Buffer;
  /** The uploaded files' bytes, for emulators that need more than the logged digest. */
  fileData: Record<string, Buffer[]>;
}

export interface EmulatorResponse {
  status: number;
  /** Sent as application/json unless `body` is given. */
  json?: unknown;
  body?: string | Buffer;
  headers?: Record<string, string>;
}

/** A result file as tests check it: where it was served and what its bytes hash to. */
export interface ServedFile {
  path: string;
  url: string;
  sha256: string;
  bytes: number;
}

export type RouteHandler = (request: EmulatorRequest) => EmulatorResponse | Promise<EmulatorResponse>;

export interface EmulatorServerOptions {
  files?: FileStoreOptions;
}

interface Route {
  name: string;
  method: string;
  pattern: RegExp;
  paramNames: string[];
  handler: RouteHandler;
}

/** A short body that starts like a real status answer, so a lenient parser cannot guess it. */
const MALFORMED_JSON = '{"status": "proc';

export class EmulatorServer {
  readonly log: RecordedRequest[] = [];
  readonly files: FileStore;
  private readonly routes: Route[] = [];
  private readonly faults = new Map<string, Fault[]>();
  private readonly server: Server;
  private baseUrl: string | null = null;
  private closed: Promise<void> | null = null;

  constructor(options: EmulatorServerOptions = {}) {
    this.files = new FileStore(() => this.url, options.files);
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        // A bug in an emulator must not look like a vendor fault the client may retry past.
        console.error('[emulator] handler crashed:', error);
        if (!res.headersSent) send(res, { status: 500, json: { error: 'Emulator Error', message: String(error) } });
        else res.destroy();
      });
    });
    this.route('download', 'GET', '/files/:name', (request) => this.files.answer(request.params.name ?? ''));
  }

  get url(): string {
    if (this.baseUrl === null) throw new Error('Emulator is not listening yet; await listen() first.');
    return this.baseUrl;
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const address = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${address.port}`;
    return this;
  }

  /** Registers a route; `pathPattern` segments like `:jobId` become params. First match wins. */
  route(name: string, method: string, pathPattern: string, handler: RouteHandler): void {
    const paramNames: string[] = [];
    const source = pathPattern
      .split('/')
      .map((segment) => {
        if (segment.startsWith(':')) {
          paramNames.push(segment.slice(1));
          return '([^/]+)';
        }
        return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    this.routes.push({ name, method: method.toUpperCase(), pattern: new RegExp(`^${source}/?$`), paramNames, handler });
  }

  /** Queues `fault` for the next `times` requests to `route`; faults are consumed in order. */
  inject(route: string, fault: Fault, times = 1): void {
    if (!this.routes.some((r) => r.name === route)) throw new Error(`No route named "${route}"`);
    const queue = this.faults.get(route) ?? [];
    for (let i = 0; i < times; i++) queue.push(fault);
    this.faults.set(route, queue);
  }

  /** Faults still waiting for a request on `route`. */
  pendingFaults(route: string): number {
    return this.faults.get(route)?.length ?? 0;
  }

  requests(route?: string): RecordedRequest[] {
    return route === undefined ? [...this.log] : this.log.filter((r) => r.route === route);
  }

  clearLog(): void {
    this.log.length = 0;
  }

  putFile(data: Buffer, contentType: string, options?: PutFileOptions): StoredFile {
    return this.files.put(data, contentType, options);
  }

  /** Result files made available so far, oldest first (each vendor renders on a poll that sees its job done). */
  servedFiles(): ServedFile[] {
    return this.files.list().map((f) => ({ path: f.path, url: f.url, sha256: f.sha256, bytes: f.bytes }));
  }

  /** See FileStore.expireAll: existing URLs expire, and by default those made later too. */
  expireFiles(options?: { includeFuture?: boolean }): void {
    this.files.expireAll(options);
  }

  close(): Promise<void> {
    this.closed ??= new Promise<void>((resolve) => {
      if (this.baseUrl === null) return resolve();
      // Keep-alive clients would otherwise hold close() open until their idle timeout.
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
    return this.closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const body = await readBody(req);
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headers = flattenHeaders(req.headers);
    const matched = this.match(method, url.pathname);

    const record: RecordedRequest = {
      route: matched?.route.name ?? null,
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      bodyBytes: body.length,
      at,
      faulted: false,
    };
    // Logged before parsing so the log keeps arrival order under concurrent requests.
    this.log.push(record);
    const fileData = await parseBody(record, body);

    if (!matched) {
      const pathKnown = this.routes.some((r) => r.pattern.test(url.pathname));
      send(res, pathKnown ? { status: 405, json: { error: 'Method Not Allowed' } } : { status: 404, json: { error: 'Not Found', message: `No route for ${method} ${url.pathname}` } });
      return;
    }

    const fault = this.faults.get(matched.route.name)?.shift();
    if (fault) {
      record.faulted = true;
      record.fault = fault;
    }
    const request: EmulatorRequest = { ...record, params: matched.params, body, fileData };
    const run = () => matched.route.handler(request);

    switch (fault?.kind) {
      case undefined:
        send(res, await run());
        return;
      case 'status': {
        const faultHeaders = lowerKeys(fault.headers ?? {});
        if (fault.body === undefined) {
          send(res, { status: fault.status, headers: faultHeaders, json: { error: STATUS_CODES[fault.status] ?? 'Error', message: 'Injected fault.' } });
        } else if (typeof fault.body === 'string') {
          send(res, { status: fault.status, headers: { 'content-type': 'text/plain; charset=utf-8', ...faultHeaders }, body: fault.body });
        } else {
          send(res, { status: fault.status, headers: faultHeaders, json: fault.body });
        }
        return;
      }
      case 'malformed-json':
        send(res, { status: 200, headers: { 'content-type': 'application/json' }, body: MALFORMED_JSON });
        return;
      case 'drop':
        if (fault.afterHandling) await run();
        req.socket.destroy();
        return;
      case 'truncate':
        sendTruncated(res, await run());
        return;
      case 'delay':
        await sleep(fault.ms);
        if (!req.socket.destroyed) send(res, await run());
        return;
    }
  }

  private match(method: string, path: string): { route: Route; params: Record<string, string> } | null {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const m = route.pattern.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      route.paramNames.forEach((name, i) => {
        params[name] = decodeURIComponent(m[i + 1] ?? '');
      });
      return { route, params };
    }
    return null;
  }
}

export async function startEmulatorServer(options?: EmulatorServerOptions): Promise<EmulatorServer> {
  return new EmulatorServer(options).listen();
}

export const sha256Hex = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

/**
 * Fills record.json or record.form. A body that does not parse leaves both unset, so the
 * emulator's handler can answer 400 the way the vendor would.
 */
async function parseBody(record: RecordedRequest, body: Buffer): Promise<Record<string, Buffer[]>> {
  const fileData: Record<string, Buffer[]> = {};
  const contentType = record.headers['content-type'] ?? '';
  if (body.length === 0) return fileData;
  if (/\bjson\b/i.test(contentType)) {
    try {
      record.json = JSON.parse(body.toString('utf8'));
    } catch {
      // Left unset on purpose: see above.
    }
    return fileData;
  }
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(contentType)) return fileData;
  let formData: FormData;
  try {
    // Node's fetch Request has a spec-complete multipart parser, so no dependency is needed.
    formData = await new Request('http://emulator.invalid/', { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(body) }).formData();
  } catch {
    return fileData;
  }
  const form: RecordedForm = { fields: {}, files: {} };
  for (const [name, value] of formData.entries()) {
    if (typeof value === 'string') {
      (form.fields[name] ??= []).push(value);
    } else {
      const data = Buffer.from(await value.arrayBuffer());
      (form.files[name] ??= []).push({ filename: value.name, contentType: value.type, bytes: data.length, sha256: sha256Hex(data) });
      (fileData[name] ??= []).push(data);
    }
  }
  record.form = form;
  return fileData;
}

function encode(response: EmulatorResponse): { headers: Record<string, string>; body: Buffer } {
  const headers = lowerKeys(response.headers ?? {});
  let body: Buffer;
  if (response.body !== undefined) {
    body = typeof response.body === 'string' ? Buffer.from(response.body) : response.body;
  } else if (response.json !== undefined) {
    body = Buffer.from(JSON.stringify(response.json));
    headers['content-type'] ??= 'application/json';
  } else {
    body = Buffer.alloc(0);
  }
  headers['content-length'] = String(body.length);
  return { headers, body };
}

function send(res: ServerResponse, response: EmulatorResponse): void {
  const { headers, body } = encode(response);
  res.writeHead(response.status, headers);
  res.end(body);
}

function sendTruncated(res: ServerResponse, response: EmulatorResponse): void {
  const { headers, body } = encode(response);
  res.writeHead(response.status, headers);
  // Destroy only once the half is flushed, so the client really receives a partial body.
  res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
