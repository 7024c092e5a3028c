// Result files an emulator hands out by URL, the way vendors hand out signed storage URLs: the
// bytes stay fixed (so a test can compare the saved file's sha256 with what was served) and a URL
// can expire, answering the way a cloud bucket answers an expired signed URL.
import { createHash, randomBytes } from 'node:crypto';

export interface StoredFile {
  id: string;
  /** URL path, `/files/<id>.<ext>`. */
  path: string;
  /** Absolute URL on the emulator. */
  url: string;
  contentType: string;
  sha256: string;
  bytes: number;
  data: Buffer;
  /** Epoch ms after which the URL answers as expired; undefined = never. */
  expiresAt?: number;
}

export interface PutFileOptions {
  /** Epoch ms; overrides the store's ttl. */
  expiresAt?: number;
  /** File extension without the dot; derived from contentType when absent. */
  ext?: string;
}

/**
 * Put options for a file whose URL lives `ttlMs` from now, the way vendors sign each result URL
 * when they hand it out; undefined leaves it to the store (never expires unless the store says).
 */
export function expiresIn(ttlMs: number | undefined): PutFileOptions {
  return ttlMs === undefined ? {} : { expiresAt: Date.now() + ttlMs };
}

export interface FileStoreOptions {
  /** Lifetime of every new URL, like a signed URL's validity; undefined = never expires. */
  ttlMs?: number;
  /**
   * Status for an expired URL. 403 with an `ExpiredToken` XML body is what this project's
   * clients are written against; kept configurable because buckets differ (some send 400).
   */
  expiredStatus?: number;
}

/** What the server sends for a GET of a stored file. */
export interface FileAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
};

const EXPIRED_XML = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>ExpiredToken</Code><Message>Request has expired</Message></Error>';
const MISSING_XML = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>';

export class FileStore {
  private readonly byName = new Map<string, StoredFile>();
  /** Set by expireAll({ includeFuture: true }): files put afterwards are born expired. */
  private expireNew = false;

  constructor(
    private readonly baseUrl: () => string,
    private readonly options: FileStoreOptions = {},
  ) {}

  put(data: Buffer, contentType: string, options: PutFileOptions = {}): StoredFile {
    const id = randomBytes(8).toString('hex');
    const ext = options.ext ?? EXTENSIONS[contentType] ?? 'bin';
    const path = `/files/${id}.${ext}`;
    const now = Date.now();
    const expiresAt = this.expireNew
      ? now - 1
      : (options.expiresAt ?? (this.options.ttlMs === undefined ? undefined : now + this.options.ttlMs));
    const file: StoredFile = {
      id,
      path,
      url: `${this.baseUrl()}${path}`,
      contentType,
      sha256: createHash('sha256').update(data).digest('hex'),
      bytes: data.length,
      data,
      ...(expiresAt === undefined ? {} : { expiresAt }),
    };
    this.byName.set(`${id}.${ext}`, file);
    return file;
  }

  list(): StoredFile[] {
    return [...this.byName.values()];
  }

  get(name: string): StoredFile | undefined {
    return this.byName.get(name);
  }

  /**
   * Every existing URL answers as expired from now on. With includeFuture (the default) files
   * put later are expired too, so a test can call this before the job exists and still see the
   * client meet an expired URL (a resume long after the vendor's retention period).
   */
  expireAll(options: { includeFuture?: boolean } = {}): void {
    const now = Date.now();
    for (const file of this.byName.values()) file.expiresAt = now - 1;
    this.expireNew = options.includeFuture ?? true;
  }

  setExpiry(name: string, expiresAt: number | undefined): void {
    const file = this.byName.get(name);
    if (!file) throw new Error(`No stored file ${name}`);
    if (expiresAt === undefined) delete file.expiresAt;
    else file.expiresAt = expiresAt;
  }

  answer(name: string): FileAnswer {
    const file = this.byName.get(name);
    if (!file) return xml(404, MISSING_XML);
    if (file.expiresAt !== undefined && Date.now() >= file.expiresAt) return xml(this.options.expiredStatus ?? 403, EXPIRED_XML);
    return {
      status: 200,
      headers: { 'content-type': file.contentType, etag: `"${file.sha256.slice(0, 32)}"`, 'cache-control': 'private, max-age=0' },
      body: file.data,
    };
  }
}

function xml(status: number, text: string): FileAnswer {
  return { status, headers: { 'content-type': 'application/xml; charset=UTF-8' }, body: Buffer.from(text) };
}
