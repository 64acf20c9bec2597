/**
 * A write transaction of the domain: the use case writes its records, then the
 * projections apply what it changed, in the same transaction. Every write goes
 * through here (or `runWrite`, which does the same with a client id).
 */
import type { Db, Tx } from '../db/client';
import { applyChanges } from './projections/apply';

export const transact = <T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> =>
  db.write(async (tx) => {
    const result = await fn(tx);
    await applyChanges(tx);
    return result;
  });
