// The only place Easel talks HTTP to a vendor API. It sends a RequestSpec, reads the answer,
// and turns transport failures into EaselErrors that say whether the request may have been
// delivered: that single fact decides whether a create can be retried without paying twice.
import { openAsBlob } from 'node:fs';
import { Agent, FormData, request, type Dispatcher } from 'undici';
import { EaselError } from '../errors/easel-error';
import { redact } from './redact';
import type { RequestBody, RequestSpec, VendorResponse } from './request-spec';
import { downloadToFile, type DownloadedFile } from './download-file';

export interface HttpOptions {
  /** Secrets to scrub from anything this call reports. */
  secrets: readonly string[];
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface HttpClient {
  send(spec: RequestSpec, options: HttpOptions): Promise<VendorResponse>;
  /** Streams a result to `tempPath`, verifying length; see download-file.ts. */
  download(url: string, tempPath: string, options: HttpOptions): Promise<DownloadedFile>;
  close(): Promise<void>;
}

/** Failures where the request never left this machine: always safe to send again. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

export function createHttpClient(dispatcher: Dispatcher = new Agent({ connect: { timeout: 15_000 }, keepAliveTimeout: 10_000 })): HttpClient {
  return {
    download: (url, tempPath, options) => downloadToFile(url, tempPath, { dispatcher, ...options }),
    async send(spec, options) {
      const body = await encodeBody(spec.body);
      try {
        const response = await request(spec.url, {
          method: spec.method,
          headers: { ...spec.headers, ...(body.contentType ? { 'content-type': body.contentType } : {}) },
          body: body.payload,
          dispatcher,
          headersTimeout: options.timeoutMs,
          bodyTimeout: options.timeoutMs,
          ...(options.signal ? { signal: options.signal } : {}),
        });
        const text = await response.body.text();
        return { status: response.statusCode, headers: flattenHeaders(response.headers), text };
      } catch (error) {
        throw transportError(error, spec, options);
      }
    },
    async close() {
      await dispatcher.close();
    },
  };
}

async function encodeBody(body: RequestBody): Promise<{ payload?: string | FormData; contentType?: string }> {
  if (body.kind === 'none') return {};
  if (body.kind === 'json') return { payload: JSON.stringify(body.value), contentType: 'application/json' };
  const form = new FormData();
  for (const field of body.fields) {
    if ('value' in field) form.append(field.name, field.value);
    else form.append(field.name, await openAsBlob(field.file.path, { type: field.file.contentType }), field.file.filename);
  }
  // undici sets the multipart boundary itself.
  return { payload: form };
}

export function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export function transportError(error: unknown, spec: Pick<RequestSpec, 'url'>, options: Pick<HttpOptions, 'secrets' | 'signal'>): EaselError {
  const code = errorCode(error);
  const host = safeHost(spec.url);
  const raw = redact(error instanceof Error ? error.message : String(error), options.secrets);
  if (options.signal?.aborted || code === 'UND_ERR_ABORTED' || code === 'ABORT_ERR') {
    return new EaselError('CANCELED', 'The request was canceled.', { retry: 'final', delivery: 'unknown', cause: error });
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new EaselError('TIMEOUT', `${host} took too long to answer.`, { retry: 'transient', delivery: 'unknown', detail: raw, cause: error });
  }
  if (code !== undefined && NOT_SENT_CODES.has(code)) {
    return new EaselError('NETWORK', `Could not reach ${host} (${code}). Check your connection or the base URL.`, {
      retry: 'transient',
      delivery: 'not-sent',
      detail: raw,
      cause: error,
    });
  }
  return new EaselError('NETWORK', `The connection to ${host} dropped before it answered.`, {
    retry: 'transient',
    delivery: 'unknown',
    detail: raw,
    cause: error,
  });
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  // Node wraps socket errors; the useful code can sit one or two causes deep.
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the server';
  }
}
