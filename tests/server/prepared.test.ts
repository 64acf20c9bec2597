/**
 * A query built once runs inside each transaction on that transaction's
 * connection: it reads the transaction's own writes, and a later
 * transaction's, never a finished one's. Outside a transaction it runs on
 * the file's read connection (db/direct-reads.ts) and reads what the client would.
 */
import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { openDb } from '../../server/db/client';
import { prepared } from '../../server/db/prepared';
import { teams, users } from '../../server/db/schema';
import { createUser, setAutoLog, setNeverLog } from '../../server/domain/auth';
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

const userById = (q: Orm | Tx) =>
  prepared(q, 'test.user', (d) =>
    d
      .select()
      .from(users)
      .where(eq(users.id, sql.placeholder('id'))),
  );

describe('prepared queries outside a transaction', () => {
  it('give the same values as the client (JSON, booleans, nulls, times) and see every commit at once, this process’s and another’s', async () => {
    const url = tmpDbUrl('prepared-direct');
    const db = await openDb({ url });
    const other = await openDb({ url });
    try {
      const { userId } = await createUser(db, { email: 'pieter@verkoop.example', name: 'Pieter', team: 'Verkoop' });
      await setNeverLog(db, { userId, teamId: '', role: 'rep' }, ['privé@example.nl']);
      const viaClient = await db.select().from(users).where(eq(users.id, userId)).get();
      expect(await userById(db).get({ id: userId })).toEqual(viaClient);
      expect(viaClient).toMatchObject({ neverLog: ['privé@example.nl'], autoLog: true });
      // a change committed by this process, then by another process on the same file: the next read has it
      await setAutoLog(db, { userId, teamId: '', role: 'rep' }, false);
      expect((await userById(db).get({ id: userId }))?.autoLog).toBe(false);
      await setAutoLog(other, { userId, teamId: '', role: 'rep' }, true);
      expect((await userById(db).get({ id: userId }))?.autoLog).toBe(true);
      expect(await userById(db).all({ id: 'nobody' })).toEqual([]);
    } finally {
      other.client.close();
      db.client.close();
    }
  });

  it('work on a database in memory, which has no file to read beside the client', async () => {
    const db = await openDb({ url: ':memory:' });
    const { userId } = await createUser(db, { email: 'eva@verkoop.example', name: 'Eva', team: 'Verkoop' });
    expect((await userById(db).get({ id: userId }))?.name).toBe('Eva');
    db.client.close();
  });
});
