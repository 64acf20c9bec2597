/**
 * Every change runs here: one write transaction, and when the client gave
 * the write an id, at most once. A repeated id answers with the first
 * result, so an outbox that retries after a lost answer never doubles. An id
 * counts for one user and one procedure: a colleague's id, or the same id on
 * another procedure, is a different write and is carried out.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { transact } from './transact';
import { clientWrites } from '../db/schema';
import type { Actor } from './actor';
import { placeholders, prepared } from '../db/prepared';

export async function runWrite<I, O>(db: Db, actor: Actor, op: (tx: Tx, actor: Actor, input: I) => Promise<O>, input: I, clientId?: string): Promise<O> {
  const procedure = op.name;
  return transact(db, async (tx) => {
    const scope = clientId ? { teamId: actor.teamId, userId: actor.userId, procedure, clientId } : undefined;
    if (scope) {
      // every write with an id asks this and notes itself: built once per process (db/prepared.ts)
      const done = await prepared(tx, 'writes.done', (d) =>
        d
          .select({ result: clientWrites.result })
          .from(clientWrites)
          .where(
            and(
              eq(clientWrites.teamId, sql.placeholder('teamId')),
              eq(clientWrites.userId, sql.placeholder('userId')),
              eq(clientWrites.procedure, sql.placeholder('procedure')),
              eq(clientWrites.clientId, sql.placeholder('clientId')),
            ),
          ),
      ).get(scope);
      if (done) return done.result as O;
    }
    const result = await op(tx, actor, input);
    if (scope) {
      await prepared(tx, 'writes.note', (d) =>
        d.insert(clientWrites).values(placeholders<typeof clientWrites.$inferInsert>(['teamId', 'userId', 'procedure', 'clientId', 'result'])),
      ).run({ ...scope, result: result ?? null });
    }
    return result;
  });
}
