/**
 * Reads on the hot path (the sidebar's account card, its lookups) built
 * once per process instead of on every call. Profiled: drizzle spends more
 * time building a query's SQL than libSQL spends running it (a third of a
 * lookup went to the query builder). A query here takes its values as
 * placeholders; on the root database it is prepared once and reused; inside
 * a transaction it is prepared on the transaction (it must read that
 * transaction's own writes), which costs what it always did.
 */
import type { Orm, Tx } from './client';

const caches = new WeakMap<object, Map<string, unknown>>();

export function prepared<P>(q: Orm | Tx, key: string, build: (q: Orm | Tx) => { prepare(): P }): P {
  // the root database carries `write` (client.ts); a transaction does not
  if (!('write' in q)) return build(q).prepare();
  let cache = caches.get(q);
  if (!cache) caches.set(q, (cache = new Map()));
  let p = cache.get(key) as P | undefined;
  if (!p) cache.set(key, (p = build(q).prepare()));
  return p;
}
