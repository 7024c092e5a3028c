// Streams a vendor result to a temporary file, hashing as it goes, and verifies that every
// promised byte arrived. The caller then checks the image and renames it into place, so a
// picture in the library is always complete and exactly the vendor's bytes.
import { createHash } from 'node:crypto';
import { createWriteStream, promises as fs } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { interceptors, request, type Dispatcher } from 'undici';
import { EaselError } from '../errors/easel-error';
import { flattenHeaders, transportError, safeHost } from './http-client';

export interface DownloadedFile {
  bytes: number;
  sha256: string;
  contentType: string | undefined;
}

export interface DownloadOptions {
  dispatcher: Dispatcher;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Scrubbed from anything this call reports. */
  secrets: readonly string[];
}

/** Result URLs that answer with these have been deleted by the vendor or their signature lapsed. */
const GONE_STATUSES = new Set([403, 404, 410]);

export async function downloadToFile(url: string, tempPath: string, options: DownloadOptions): Promise<DownloadedFile> {
  let response: Awaited<ReturnType<typeof request>>;
  try {
    // No auth header on purpose: result URLs are public CDN links, and keys must not leak to them.
    response = await request(url, {
      method: 'GET',
      dispatcher: withRedirects(options.dispatcher),
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    throw transportError(error, { url }, options);
  }
  const headers = flattenHeaders(response.headers);
  if (response.statusCode < 200 || response.statusCode >= 300) {
    const text = await response.body.text().catch(() => '');
    // Signed-URL stores answer 400 ExpiredToken (Google Cloud Storage V4) or 403 (S3) once a link lapses.
    if (GONE_STATUSES.has(response.statusCode) || (response.statusCode === 400 && /expired/i.test(text))) {
      throw new EaselError('RESULT_EXPIRED', `The picture's link no longer works (HTTP ${response.statusCode}): the vendor has deleted it or the link expired.`, {
        retry: 'final',
        status: response.statusCode,
        detail: text.slice(0, 500),
      });
    }
    throw new EaselError('DOWNLOAD_FAILED', `Downloading the picture from ${safeHost(url)} failed (HTTP ${response.statusCode}).`, {
      retry: response.statusCode >= 500 || response.statusCode === 429 || response.statusCode === 408 ? 'transient' : 'final',
      status: response.statusCode,
    });
  }

  const expected = headers['content-length'] !== undefined ? Number(headers['content-length']) : undefined;
  const hash = createHash('sha256');
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  try {
    await pipeline(response.body, counter, createWriteStream(tempPath));
  } catch (error) {
    await fs.rm(tempPath, { force: true });
    const base = transportError(error, { url }, options);
    throw new EaselError('DOWNLOAD_FAILED', `The download from ${safeHost(url)} was cut off after ${bytes} bytes.`, {
      retry: base.code === 'CANCELED' ? 'final' : 'transient',
      detail: base.detail,
      cause: error,
    });
  }
  if (expected !== undefined && Number.isFinite(expected) && bytes !== expected) {
    await fs.rm(tempPath, { force: true });
    throw new EaselError('DOWNLOAD_FAILED', `The download was incomplete: ${bytes} of ${expected} bytes arrived.`, { retry: 'transient' });
  }
  if (bytes === 0) {
    await fs.rm(tempPath, { force: true });
    throw new EaselError('DOWNLOAD_FAILED', 'The vendor sent an empty file instead of a picture.', { retry: 'transient' });
  }
  return { bytes, sha256: hash.digest('hex'), contentType: headers['content-type'] };
}

const redirecting = new WeakMap<Dispatcher, Dispatcher>();

/** CDNs redirect to regional hosts; follow a few hops, composed once per dispatcher. */
function withRedirects(dispatcher: Dispatcher): Dispatcher {
  let composed = redirecting.get(dispatcher);
  if (!composed) {
    composed = dispatcher.compose(interceptors.redirect({ maxRedirections: 5 }));
    redirecting.set(dispatcher, composed);
  }
  return composed;
}
