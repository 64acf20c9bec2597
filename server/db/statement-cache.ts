/**
 * Keeps an embedded libSQL server lean and its connections configured.
 *
 * Measured here: @libsql/client 0.18 prepares a new libsql-js statement for
 * every execute, and native memory grows by about 4 KB for each one (200,000
 * SELECTs reached about 900 MB), while a reused prepared statement stays
 * flat. The client also pools several connections and PRAGMAs apply per
 * connection. So we patch libsql-js's `prepare` once: each connection keeps
 * a small LRU of its prepared statements (drizzle's SQL text is stable, with
 * values bound as parameters), and the first statement on a new connection
 * sets WAL, a short busy timeout, synchronous=NORMAL and the cache sizes.
 * `npm run bench` measures the resident memory over 200,000 API calls.
 */
import Database from 'libsql';

const CAPACITY = 256;
const PRAGMAS = [
  // first, so the others wait a moment for a lock; short: a longer wait would block the event loop inside libsql-js; writes wait on timers instead (lock-wait.ts)
  'PRAGMA busy_timeout=20',
  // a new file becomes WAL here; that needs a moment alone with the file, so it can fail while another process starts
  'PRAGMA journal_mode=WAL',
  'PRAGMA synchronous=NORMAL',
  'PRAGMA foreign_keys=ON',
  // reports scan large indexes: a 64 MB page cache and memory-mapped reads keep them off the read() path
  'PRAGMA cache_size=-65536',
  'PRAGMA mmap_size=1073741824',
  // ANALYZE (PRAGMA optimize when the database opens, client.ts) samples each index: quick on a large file
  'PRAGMA analysis_limit=400',
  // a checkpoint every 20,000 pages (≤ 80 MB of WAL), not 1,000: a capture writes ~50 pages, mostly the same
  // index leaves, copied to the file once per checkpoint instead of every ~20 captures (captures +11-21 %, measured)
  'PRAGMA wal_autocheckpoint=20000',
];

type Stmt = unknown;
type Prepare = (this: object, sql: string) => Stmt;

const MARK = Symbol.for('phase-crm.statement-cache');

type Shape = { columns(): unknown[]; raw(on?: boolean): Shape; safeIntegers(on?: boolean): Shape };

/**
 * @libsql/client asks every execution for the statement's column list (twice),
 * its raw mode (which throws for a statement without rows) and its integer
 * mode. For a reused statement these never change, and the native calls cost
 * more than a small query itself (profiled: 23 % of an import's time went to
 * column lists of wide rows). So a cached statement answers them from memory.
 */
function memoizeShape(stmt: Shape): Shape {
  const { columns, raw, safeIntegers } = stmt;
  let cols: unknown[] | undefined;
  let rawOn: boolean | undefined;
  let noRows: unknown;
  let safe: boolean | undefined;
  stmt.columns = () => (cols ??= columns.call(stmt));
  stmt.raw = (on = true) => {
    if (noRows) throw noRows;
    if (rawOn !== on) {
      try {
        raw.call(stmt, on);
      } catch (e) {
        // a statement without rows (an insert) says so by throwing; it always will
        noRows = e;
        throw e;
      }
      rawOn = on;
    }
    return stmt;
  };
  stmt.safeIntegers = (on = true) => {
    if (safe !== on) safeIntegers.call(stmt, on);
    safe = on;
    return stmt;
  };
  return stmt;
}

export function installStatementCache(): void {
  const proto = (Database as unknown as { prototype: Record<string | symbol, unknown> }).prototype;
  if (proto[MARK]) return;
  const original = proto.prepare as Prepare;
  const caches = new WeakMap<object, Map<string, Stmt>>();
  proto.prepare = function prepare(this: object, sql: string): Stmt {
    let cache = caches.get(this);
    if (!cache) {
      // a failed setup (the lock is busy) is run again on the next statement, never half-kept
      for (const pragma of PRAGMAS) (original.call(this, pragma) as { all(): unknown }).all();
      cache = new Map();
      caches.set(this, cache);
    }
    const hit = cache.get(sql);
    if (hit) {
      cache.delete(sql);
      cache.set(sql, hit);
      return hit;
    }
    const stmt = memoizeShape(original.call(this, sql) as Shape);
    cache.set(sql, stmt);
    if (cache.size > CAPACITY) cache.delete(cache.keys().next().value as string);
    return stmt;
  };
  proto[MARK] = true;
}
