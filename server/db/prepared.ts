/**
 * Queries on the hot path (the sidebar's account card, its lookups, what a
 * capture reads) built once per process instead of on every call. Profiled:
 * drizzle spends as much time building a query's SQL as libSQL spends
 * running it. A query here takes its values as placeholders. On the root
 * database it is prepared once and reused; inside a transaction the one
 * built the first time is run on this transaction's connection (it must read
 * the transaction's own writes): drizzle's prepared query runs on its `tx`
 * when it has one, so a copy with this transaction's is all it takes.
 */
import { sql } from 'drizzle-orm';
import type { Orm, Tx } from './orm';
import { readDirect, type DrizzlePrepared, type openReader } from './direct-reads';

const caches = new WeakMap<object, Map<string, unknown>>();
/** per key, the query as first built inside a transaction */
const inTransaction = new Map<string, object>();

/** drizzle's libSQL session keeps the transaction it runs on as `tx` (drizzle-orm/libsql/session.js); the root's has none */
const transactionOf = (q: Orm | Tx) => (q as unknown as { session: { tx?: object } }).session.tx;

export function prepared<P>(q: Orm | Tx, key: string, build: (q: Orm | Tx) => { prepare(): P }): P {
  const tx = transactionOf(q);
  if (tx) {
    let built = inTransaction.get(key);
    if (!built) inTransaction.set(key, (built = build(q).prepare() as object));
    return Object.assign(Object.create(Object.getPrototypeOf(built)), built, { tx }) as P;
  }
  let cache = caches.get(q);
  if (!cache) caches.set(q, (cache = new Map()));
  let p = cache.get(key) as P | undefined;
  if (!p) {
    p = build(q).prepare();
    // outside a transaction, a file database's reads skip the client's row objects (direct-reads.ts)
    const reader = (q as { reader?: ReturnType<typeof openReader> }).reader;
    if (reader) p = readDirect(p as P & DrizzlePrepared, reader);
    cache.set(key, p);
  }
  return p;
}

/** An insert's values with each named column as a placeholder of its name (plus `suffix`: the n-th row of a multi-row insert). */
export const placeholders = <T>(columns: readonly string[], suffix = '') => Object.fromEntries(columns.map((c) => [c, sql.placeholder(`${c}${suffix}`)])) as T;
