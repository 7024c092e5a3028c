// The library's search index: SQLite through libsql, with FTS5 over the prompts. It is a cache
// of the sidecars and nothing more, which decides every choice below: when its schema version,
// its library folder or the file itself does not match, it is emptied and rebuilt rather than
// migrated or repaired, and it is written with `synchronous=NORMAL` (a lost last transaction is
// rebuilt from the files; a slow save is felt on every picture).
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'libsql';
import { ProviderIdSchema } from '../../../shared/domain';
import type { LibraryItem } from './library-item';
import type { IndexFilter, IndexPage } from './library-query';

/** Bump when the tables change: an index with another version is dropped and rebuilt. */
export const INDEX_SCHEMA_VERSION = 1;

export interface LibraryIndex {
  /**
   * True when this open found no usable index (new file, other schema version, other library
   * folder, damaged file) and started an empty one: its content must be rebuilt from the files.
   */
  readonly stale: boolean;
  upsert(item: LibraryItem): void;
  /** Empties the index and fills it with `items`, in one transaction. */
  replaceAll(items: readonly LibraryItem[]): void;
  search(filter: IndexFilter, page: IndexPage): LibraryItem[];
  count(filter: IndexFilter): number;
  get(imageId: string): LibraryItem | null;
  /** Returns whether the picture was indexed. */
  delete(imageId: string): boolean;
  close(): void;
}

type Db = Database.Database;
type Row = Record<string, unknown>;

// `id` is an explicit INTEGER PRIMARY KEY because the FTS table refers to rows by rowid, and an
// implicit rowid may be renumbered by VACUUM; `imageId` is the key everyone else uses.
// Each filter index ends in the listing order, so a filtered page needs no sort.
// Paths are stored relative to the library root (with '/'), so the rows do not depend on how
// the root was spelled. `createdAtMs` orders and filters by time whatever the ISO string's form.
const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE images (
  id INTEGER PRIMARY KEY,
  imageId TEXT NOT NULL UNIQUE,
  path TEXT NOT NULL,
  sidecarPath TEXT NOT NULL,
  jobId TEXT NOT NULL,
  idx INTEGER NOT NULL,
  provider TEXT NOT NULL,
  model TEXT NOT NULL,
  prompt TEXT NOT NULL,
  negativePrompt TEXT,
  createdAt TEXT NOT NULL,
  createdAtMs INTEGER NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  mime TEXT NOT NULL,
  favorite INTEGER NOT NULL DEFAULT 0,
  aspectRatio TEXT,
  seed INTEGER,
  costCredits REAL
);
CREATE INDEX images_by_time ON images (createdAtMs DESC, jobId DESC, idx);
CREATE INDEX images_by_provider ON images (provider, createdAtMs DESC, jobId DESC, idx);
CREATE INDEX images_by_model ON images (model, createdAtMs DESC, jobId DESC, idx);
CREATE INDEX images_by_favorite ON images (favorite, createdAtMs DESC, jobId DESC, idx);
CREATE VIRTUAL TABLE images_fts USING fts5 (
  prompt, negativePrompt,
  content = 'images', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
CREATE TRIGGER images_fts_insert AFTER INSERT ON images BEGIN
  INSERT INTO images_fts (rowid, prompt, negativePrompt) VALUES (new.id, new.prompt, new.negativePrompt);
END;
CREATE TRIGGER images_fts_delete AFTER DELETE ON images BEGIN
  INSERT INTO images_fts (images_fts, rowid, prompt, negativePrompt) VALUES ('delete', old.id, old.prompt, old.negativePrompt);
END;
CREATE TRIGGER images_fts_update AFTER UPDATE OF prompt, negativePrompt ON images BEGIN
  INSERT INTO images_fts (images_fts, rowid, prompt, negativePrompt) VALUES ('delete', old.id, old.prompt, old.negativePrompt);
  INSERT INTO images_fts (rowid, prompt, negativePrompt) VALUES (new.id, new.prompt, new.negativePrompt);
END;
`;

const COLUMNS = [
  'imageId', 'path', 'sidecarPath', 'jobId', 'idx', 'provider', 'model', 'prompt', 'negativePrompt', 'createdAt',
  'createdAtMs', 'width', 'height', 'bytes', 'sha256', 'mime', 'favorite', 'aspectRatio', 'seed', 'costCredits',
] as const;

const UPSERT = `INSERT INTO images (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `:${c}`).join(', ')})
ON CONFLICT (imageId) DO UPDATE SET ${COLUMNS.filter((c) => c !== 'imageId').map((c) => `${c} = excluded.${c}`).join(', ')}`;

const SELECT = `SELECT ${COLUMNS.join(', ')} FROM images`;
const ORDER = 'ORDER BY createdAtMs DESC, jobId DESC, idx ASC';

export function openLibraryIndex(indexPath: string, root: string): LibraryIndex {
  mkdirSync(path.dirname(indexPath), { recursive: true });
  try {
    return openOnce(indexPath, root, false);
  } catch (error) {
    // A damaged cache is thrown away and rebuilt; any other failure (permissions, a full disk,
    // another process holding a lock) is the caller's to report, and the file is left alone.
    if (!isDamagedDatabase(error)) throw error;
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${indexPath}${suffix}`, { force: true });
    return openOnce(indexPath, root, true);
  }
}

function openOnce(indexPath: string, root: string, recovered: boolean): LibraryIndex {
  const db = new Database(indexPath);
  try {
    // The app and the CLI may hold the same index; wait for the other's write instead of failing.
    db.exec('PRAGMA busy_timeout = 5000');
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
    const usable = readUserVersion(db) === INDEX_SCHEMA_VERSION && readMeta(db, 'root') === root;
    if (!usable) db.transaction(() => resetSchema(db, root))();
    return indexOn(db, root, recovered || !usable);
  } catch (error) {
    db.close();
    throw error;
  }
}

function indexOn(db: Db, root: string, stale: boolean): LibraryIndex {
  // Statements are prepared lazily and forgotten when the schema is recreated.
  const statements = new Map<string, Database.Statement>();
  const stmt = (sql: string): Database.Statement => {
    let s = statements.get(sql);
    if (!s) {
      s = db.prepare(sql);
      statements.set(sql, s);
    }
    return s;
  };
  const toRel = (p: string): string => path.relative(root, p).split(path.sep).join('/');
  const toAbs = (rel: string): string => path.join(root, ...rel.split('/'));

  const bind = (item: LibraryItem): Record<(typeof COLUMNS)[number], string | number | null> => ({
    imageId: item.imageId,
    path: toRel(item.path),
    sidecarPath: toRel(item.sidecarPath),
    jobId: item.jobId,
    idx: item.index,
    provider: item.provider,
    model: item.model,
    prompt: item.prompt,
    negativePrompt: item.negativePrompt ?? null,
    createdAt: item.createdAt,
    createdAtMs: createdAtMs(item.createdAt),
    width: item.width,
    height: item.height,
    bytes: item.bytes,
    sha256: item.sha256,
    mime: item.mime,
    favorite: item.favorite ? 1 : 0,
    aspectRatio: item.aspectRatio ?? null,
    seed: item.seed ?? null,
    costCredits: item.costCredits ?? null,
  });

  const toItem = (row: Row): LibraryItem => {
    const negativePrompt = optText(row, 'negativePrompt');
    const aspectRatio = optText(row, 'aspectRatio');
    const seed = optNumber(row, 'seed');
    const costCredits = optNumber(row, 'costCredits');
    return {
      imageId: text(row, 'imageId'),
      path: toAbs(text(row, 'path')),
      sidecarPath: toAbs(text(row, 'sidecarPath')),
      jobId: text(row, 'jobId'),
      index: number(row, 'idx'),
      provider: ProviderIdSchema.parse(row.provider),
      model: text(row, 'model'),
      prompt: text(row, 'prompt'),
      ...(negativePrompt !== undefined ? { negativePrompt } : {}),
      createdAt: text(row, 'createdAt'),
      width: number(row, 'width'),
      height: number(row, 'height'),
      bytes: number(row, 'bytes'),
      sha256: text(row, 'sha256'),
      mime: text(row, 'mime'),
      favorite: number(row, 'favorite') !== 0,
      ...(aspectRatio !== undefined ? { aspectRatio } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(costCredits !== undefined ? { costCredits } : {}),
    };
  };

  const upsertOne = (item: LibraryItem): void => {
    stmt(UPSERT).run(bind(item));
  };

  return {
    stale,
    upsert: upsertOne,
    replaceAll(items) {
      db.transaction(() => {
        statements.clear();
        resetSchema(db, root);
        for (const item of items) upsertOne(item);
      })();
    },
    search(filter, page) {
      const { where, params } = whereClause(filter);
      const rows = stmt(`${SELECT} ${where} ${ORDER} LIMIT :limit OFFSET :offset`).all({ ...params, limit: page.limit, offset: page.offset });
      return rows.map((r) => toItem(asRow(r)));
    },
    count(filter) {
      const { where, params } = whereClause(filter);
      return number(asRow(stmt(`SELECT count(*) AS n FROM images ${where}`).get(params)), 'n');
    },
    get(imageId) {
      const row = stmt(`${SELECT} WHERE imageId = :imageId`).get({ imageId });
      return row === undefined || row === null ? null : toItem(asRow(row));
    },
    delete(imageId) {
      return stmt('DELETE FROM images WHERE imageId = :imageId').run({ imageId }).changes > 0;
    },
    close() {
      statements.clear();
      if (db.open) db.close();
    },
  };
}

/** Drops whatever an index of any version holds and creates the current, empty schema. */
function resetSchema(db: Db, root: string): void {
  const objects = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").all().map(asRow);
  // Virtual tables first: dropping one also drops its shadow tables, which must not go first.
  const isVirtual = (o: Row): boolean => typeof o.sql === 'string' && /^CREATE VIRTUAL TABLE/i.test(o.sql);
  for (const o of objects.filter(isVirtual)) db.exec(`DROP TABLE IF EXISTS ${quoteIdent(text(o, 'name'))}`);
  for (const o of objects.filter((o) => !isVirtual(o) && o.type === 'table')) db.exec(`DROP TABLE IF EXISTS ${quoteIdent(text(o, 'name'))}`);
  db.exec(SCHEMA);
  db.prepare('INSERT INTO meta (key, value) VALUES (:key, :value)').run({ key: 'root', value: root });
  db.exec(`PRAGMA user_version = ${INDEX_SCHEMA_VERSION}`);
}

function whereClause(filter: IndexFilter): { where: string; params: Record<string, string | number> } {
  const clauses: string[] = [];
  const params: Record<string, string | number> = {};
  if (filter.fts !== null) {
    clauses.push('id IN (SELECT rowid FROM images_fts WHERE images_fts MATCH :fts)');
    params.fts = filter.fts;
  }
  if (filter.provider !== null) {
    clauses.push('provider = :provider');
    params.provider = filter.provider;
  }
  if (filter.model !== null) {
    clauses.push('model = :model');
    params.model = filter.model;
  }
  if (filter.favorite !== null) {
    clauses.push('favorite = :favorite');
    params.favorite = filter.favorite;
  }
  if (filter.fromMs !== null) {
    clauses.push('createdAtMs >= :fromMs');
    params.fromMs = filter.fromMs;
  }
  if (filter.untilMs !== null) {
    clauses.push('createdAtMs < :untilMs');
    params.untilMs = filter.untilMs;
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

function readUserVersion(db: Db): number {
  return number(asRow(db.prepare('PRAGMA user_version').get()), 'user_version');
}

function readMeta(db: Db, key: string): string | null {
  const exists = db.prepare("SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
  if (!exists) return null;
  const row = db.prepare('SELECT value FROM meta WHERE key = :key').get({ key });
  return row ? text(asRow(row), 'value') : null;
}

/** Unparseable times sort as the oldest rather than failing the whole index. */
function createdAtMs(createdAt: string): number {
  const ms = Date.parse(createdAt);
  return Number.isNaN(ms) ? 0 : ms;
}

function isDamagedDatabase(error: unknown): boolean {
  const code = error && typeof error === 'object' && 'code' in error ? error.code : undefined;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function asRow(value: unknown): Row {
  if (typeof value !== 'object' || value === null) throw new Error('The library index returned no row.');
  return value as Row;
}

function text(row: Row, key: string): string {
  const v = row[key];
  if (typeof v !== 'string') throw new Error(`The library index holds a bad "${key}".`);
  return v;
}

function number(row: Row, key: string): number {
  const v = row[key];
  if (typeof v === 'bigint') return Number(v);
  if (typeof v !== 'number') throw new Error(`The library index holds a bad "${key}".`);
  return v;
}

function optText(row: Row, key: string): string | undefined {
  return row[key] === null || row[key] === undefined ? undefined : text(row, key);
}

function optNumber(row: Row, key: string): number | undefined {
  return row[key] === null || row[key] === undefined ? undefined : number(row, key);
}
