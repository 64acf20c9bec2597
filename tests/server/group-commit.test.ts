/**
 * Writes that arrive together commit together (server/db/group-commit.ts):
 * each sees the ones before it, each gets its own answer, and one write's
 * failure is its own: the others in its group are committed all the same.
 */
import { describe, expect, it } from 'vitest';
import { openDb } from '../../server/db/client';
import { groupCommit, MAX_GROUP } from '../../server/db/group-commit';
import { serialized } from '../../server/db/serialize';
import type { Tx } from '../../server/db/orm';
import { teams } from '../../server/db/schema';
import { createUser, authenticate } from '../../server/domain/auth';
import { insertActivity } from '../../server/domain/records/activities';
import { appRouter } from '../../server/routers';
import { createCallerFactory } from '../../server/trpc';
import { tmpDbUrl } from '../helpers/tmp';
import { jan, someone } from '../helpers/data';

async function fileApi() {
  const db = await openDb({ url: tmpDbUrl('group-commit') });
  const { token } = await createUser(db, { email: 'pieter@verkoop.example', name: 'Pieter', team: 'Verkoop BV' });
  const actor = (await authenticate(db, token))!;
  return { db, actor, api: createCallerFactory(appRouter)({ db, actor }) };
}

describe('writes that arrive together', () => {
  it('one failing write among eight fails alone, with its own error; the other seven are in the database', async () => {
    const { db, api } = await fileApi();
    const calls = Array.from({ length: 8 }, (_, i) =>
      // the fourth links the profile to a contact that does not exist
      i === 3
        ? api.capture.linkedInPerson({ person: someone('groep', i), linkContactId: 'no-such-contact' })
        : api.capture.linkedInPerson({ person: someone('groep', i) }),
    );
    const settled = await Promise.allSettled(calls);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(String((settled[3] as PromiseRejectedResult).reason)).toMatch(/Contact not found/);
    const names = (await db.query.accounts.findMany()).map((a) => a.name).sort();
    expect(names).toEqual([0, 1, 2, 4, 5, 6, 7].map((i) => someone('groep', i).companyName));
    const ids = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value.accountId] : []));
    expect(new Set(ids).size).toBe(7);
    db.client.close();
  });

  it('each sees the writes before it: two clicks at once on one profile make one account and one contact', async () => {
    const { db, api } = await fileApi();
    const [first, second] = await Promise.all([api.capture.linkedInPerson({ person: jan }), api.capture.linkedInPerson({ person: jan })]);
    expect(first).toMatchObject({ createdAccount: true, createdContact: true });
    expect(second).toMatchObject({ accountId: first.accountId, contactId: first.contactId, createdAccount: false, createdContact: false });
    expect(await db.query.contacts.findMany()).toHaveLength(1);
    db.client.close();
  });

  it('a write that skips its projections is refused in a group too, and only it', async () => {
    const { db, actor, api } = await fileApi();
    const { accountId } = await api.capture.linkedInPerson({ person: jan });
    const [bad, good] = await Promise.allSettled([
      db.write((tx) => insertActivity(tx, actor, { accountId, type: 'call', occurredAt: Date.now() })),
      api.activities.log({ accountId, type: 'meeting', occurredAt: Date.now() }),
    ]);
    expect(bad.status).toBe('rejected');
    expect(String((bad as PromiseRejectedResult).reason)).toMatch(/without applying their projections/);
    expect(good.status).toBe('fulfilled');
    const types = (await db.query.activities.findMany()).map((a) => a.type);
    expect(types).toContain('meeting');
    expect(types).not.toContain('call');
    db.client.close();
  });

  it('share one transaction, at most MAX_GROUP at a time, each answered with its own result', async () => {
    const { db } = await fileApi();
    let transactions = 0;
    const write = groupCommit(<T>(fn: (tx: Tx) => Promise<T>) => {
      transactions++;
      return db.transaction(fn, { behavior: 'immediate' });
    }, serialized());
    const results = await Promise.all(
      Array.from({ length: MAX_GROUP + 4 }, (_, i) =>
        write(async (tx) => {
          await tx.insert(teams).values({ id: `g${i}`, name: `Groep ${i}` });
          return i;
        }),
      ),
    );
    expect(results).toEqual(Array.from({ length: MAX_GROUP + 4 }, (_, i) => i));
    expect(transactions).toBe(2);
    expect((await db.query.teams.findMany()).filter((t) => t.id.startsWith('g'))).toHaveLength(MAX_GROUP + 4);
    db.client.close();
  });
});
