/**
 * Company matching by the stored name key: one index lookup however many
 * names begin alike, a renamed company found by its new name only, and
 * accounts written without a key (an older version, a bulk load by hand)
 * given one when the database opens.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDb } from '../../server/db/client';
import { createUser, authenticate } from '../../server/domain/auth';
import { appRouter } from '../../server/routers';
import { createCallerFactory } from '../../server/trpc';
import { tmpDbUrl } from '../helpers/tmp';
import { testDb } from '../helpers/server';
import { jan } from '../helpers/data';

const factory = createCallerFactory(appRouter);

describe('company name keys', () => {
  it('an e-mail domain finds its company among hundreds that begin alike, and a renamed company by its new name', async () => {
    const t = await testDb();
    const rep = await t.user('pieter@verkoop.example');
    const team = rep.actor.teamId;
    const many = Array.from({ length: 300 }, (_, i) => ({ id: `g${i}`, name: `Gemeente ${i}` }));
    for (const a of many) {
      await t.db.run(sql`insert into accounts (id, team_id, kind, name, name_key, phase, phase_since, created_at)
        values (${a.id}, ${team}, 'company', ${a.name}, ${a.name.toLowerCase().replace(' ', '')}, 'suspect', 0, 0)`);
    }
    const lookup = async (email: string) => (await rep.api.accounts.lookupEmails({ people: [{ email }] })).participants[0]!;
    expect((await lookup('griffie@gemeente.nl')).accountId).toBeNull();
    const { accountId, contactId } = await rep.api.capture.linkedInPerson({ person: { ...jan, companyName: 'Gemeente B.V.', companyUrl: undefined } });
    expect(await lookup('griffie@gemeente.nl')).toMatchObject({ accountId, matchedBy: 'domain' });

    await rep.api.accounts.correctContact({ contactId: contactId!, companyName: 'Waterschap Rivierenland' });
    expect((await lookup('griffie@gemeente.nl')).accountId).toBeNull();
    expect((await lookup('info@waterschaprivierenland.nl')).accountId).toBe(accountId);
    // the key is the server's own: the account a rep sees has its name, not its key
    const card = await rep.api.accounts.get({ id: accountId });
    expect(card.name).toBe('Waterschap Rivierenland');
    expect(card).not.toHaveProperty('nameKey');
  });

  it('accounts written without a key get one when the database opens', async () => {
    const url = tmpDbUrl('name-key');
    const db = await openDb({ url });
    const user = await createUser(db, { email: 'pieter@verkoop.example', name: 'Pieter', team: 'Verkoop BV' });
    const actor = (await authenticate(db, user.token))!;
    // a write of our own, queued behind the one that notes the token's use
    await db.write((tx) =>
      tx.run(sql`insert into accounts (id, team_id, kind, name, phase, phase_since, created_at)
        values ('hand', ${actor.teamId}, 'company', 'Hand Geschreven B.V.', 'suspect', 0, 0), ('dots', ${actor.teamId}, 'company', '...', 'suspect', 0, 0)`),
    );
    db.client.close();

    const again = await openDb({ url });
    const keys = await again.all<{ id: string; key: string | null }>(sql`select id, name_key as key from accounts order by id`);
    expect(keys).toEqual([
      { id: 'dots', key: '' },
      { id: 'hand', key: 'handgeschreven' },
    ]);
    const api = factory({ db: again, actor });
    const found = await api.accounts.lookupEmails({ people: [{ email: 'info@handgeschreven.nl' }] });
    expect(found.participants[0]!.accountId).toBe('hand');
    again.client.close();
  });
});
