/**
 * Every change runs here: one write transaction, and when the client gave
 * the write an id, at most once. A repeated id answers with the first
 * result, so an outbox that retries after a lost answer never doubles.
 */
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { clientWrites } from '../db/schema';
import type { Actor } from './actor';

export async function runWrite<I, O>(db: Db, actor: Actor, op: (tx: Tx, actor: Actor, input: I) => Promise<O>, input: I, clientId?: string): Promise<O> {
  return db.write(async (tx) => {
    if (clientId) {
      const done = await tx
        .select({ result: clientWrites.result })
        .from(clientWrites)
        .where(and(eq(clientWrites.teamId, actor.teamId), eq(clientWrites.clientId, clientId)))
        .get();
      if (done) return done.result as O;
    }
    const result = await op(tx, actor, input);
    if (clientId) await tx.insert(clientWrites).values({ teamId: actor.teamId, clientId, result: result ?? null });
    return result;
  });
}
