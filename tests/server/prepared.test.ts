/**
 * A query built once runs inside each transaction on that transaction's
 * connection: it reads the transaction's own writes, and a later
 * transaction's, never a finished one's.
 */
import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { openDb } from '../../server/db/client';
import { prepared } from '../../server/db/prepared';
import { teams } from '../../server/db/schema';
import { tmpDbUrl } from '../helpers/tmp';
import type { Orm, Tx } from '../../server/db/client';

const teamById = (q: Orm | Tx) =>
  prepared(q, 'test.team', (d) =>
    d
      .select()
      .from(teams)
      .where(eq(teams.id, sql.placeholder('id'))),
  );

describe('prepared queries in transactions', () => {
  it('read what their own transaction wrote, in one transaction after another', async () => {
    const db = await openDb({ url: tmpDbUrl('prepared') });
    for (const id of ['t1', 't2', 't3']) {
      const seen = await db.write(async (tx) => {
        await tx.insert(teams).values({ id, name: `Team ${id}` });
        return (await teamById(tx).get({ id }))?.name;
      });
      expect(seen).toBe(`Team ${id}`);
    }
    // a transaction that is undone leaves nothing behind, and the query still reads through the root
    await expect(
      db.write(async (tx) => {
        await tx.insert(teams).values({ id: 't4', name: 'Team t4' });
        expect((await teamById(tx).get({ id: 't4' }))?.name).toBe('Team t4');
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await teamById(db).get({ id: 't4' })).toBeUndefined();
    expect((await teamById(db).get({ id: 't3' }))?.name).toBe('Team t3');
    db.client.close();
  });
});
