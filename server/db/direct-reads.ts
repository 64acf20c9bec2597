/**
 * The hot path's reads straight on libsql-js, for a database in a local file.
 *
 * Profiled (an account card with 50 activities, in-process): @libsql/client
 * turns every row into an object with two `defineProperty` calls per column
 * (`rowFromSql`: 24 % of the time), and drizzle then reads it back as an
 * array. So a query built once (prepared.ts) and run outside a transaction
 * runs here instead: on a read connection of its own (WAL: each statement
 * sees what was committed before it, by this process or another), in raw
 * mode, its rows mapped by drizzle's own mapping of the same query. Inside a
 * transaction nothing changes: a query there must see the transaction's writes.
 */
import Database from 'libsql';
import { fillPlaceholders } from 'drizzle-orm';
import { fileURLToPath } from 'node:url';

type RawStatement = { raw(on?: boolean): RawStatement; all(params: unknown[]): unknown[][]; get(params: unknown[]): unknown[] | undefined };
type Connection = { prepare(sql: string): RawStatement; close(): void };

/** what drizzle's libSQL prepared query has (drizzle-orm/libsql/session.js) */
export interface DrizzlePrepared {
  query: { sql: string; params: unknown[] };
  mapAllResult(rows: unknown[]): unknown;
  mapGetResult(rows: unknown[]): unknown;
}

/** A read connection for a `file:` URL; null for memory and remote databases (they keep the client). */
/** The file of a libSQL URL on this machine, or null (in memory, or a libSQL server). */
export function localPath(url: string): string | null {
  if (!url.startsWith('file:') || url.includes(':memory:')) return null;
  return fileURLToPath(new URL(url.split('?')[0]!, `file://${process.cwd()}/`));
}

export function openReader(url: string): Connection | null {
  const path = localPath(url);
  if (!path) return null;
  const reader = new Database(path) as unknown as Connection;
  // its first statement sets the connection up (statement-cache.ts): here, at start, not in a request's
  try {
    reader.prepare('select 1').raw(true).all([]);
  } catch {
    // a busy file at start: the next statement sets it up instead
  }
  return reader;
}

/** libSQL's client sends booleans as 0/1; so does this */
const toSql = (v: unknown) => (typeof v === 'boolean' ? Number(v) : v);

/** The same query, its `get` and `all` run on the reader. */
export function readDirect<P>(query: P & DrizzlePrepared, reader: Connection): P {
  const statement = () => reader.prepare(query.query.sql).raw(true);
  const args = (values?: Record<string, unknown>) => fillPlaceholders(query.query.params, values ?? {}).map(toSql);
  return Object.assign(Object.create(Object.getPrototypeOf(query)), query, {
    all: async (values?: Record<string, unknown>) => query.mapAllResult(statement().all(args(values))),
    // the first row only, not all of them read to keep one (a single-row read: 3 us instead of 7, measured)
    get: async (values?: Record<string, unknown>) => {
      const row = statement().get(args(values));
      return query.mapGetResult(row ? [row] : []);
    },
  }) as P;
}
