import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/server';
import { jan, offerteThread } from '../helpers/data';

describe('a token sees its own team only', () => {
  it('search, get, lookups and writes never cross teams', async () => {
    const t = await testDb();
    const ours = await t.user('pieter@verkoop.example', 'Verkoop BV');
    const theirs = await t.user('eve@concurrent.example', 'Concurrent BV');
    const { accountId, contactId } = await ours.api.capture.linkedInPerson({ person: jan });
    await ours.api.capture.emailContact({ person: { email: 'jan.devries@acme.example', name: 'Jan de Vries' }, wroteToUs: true });

    expect(await theirs.api.accounts.search({})).toEqual([]);
    await expect(theirs.api.accounts.get({ id: accountId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await theirs.api.accounts.lookupLinkedIn({ profileUrl: jan.profileUrl })).account).toBeNull();
    expect((await theirs.api.accounts.lookupEmails({ people: [{ email: 'jan.devries@acme.example' }] })).accounts).toEqual([]);
    await expect(theirs.api.accounts.move({ accountId, to: 'prospect' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(theirs.api.activities.log({ accountId, type: 'note' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(theirs.api.accounts.setContactRole({ contactId: contactId!, role: 'decision_maker' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(theirs.api.activities.logThread({ thread: offerteThread })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    // the other team capturing the same person gets its own records
    const own = await theirs.api.capture.linkedInPerson({ person: jan });
    expect(own.accountId).not.toBe(accountId);
    expect((await ours.api.accounts.get({ id: accountId })).contacts).toHaveLength(1);
    expect(await ours.api.accounts.search({})).toHaveLength(1);
  });

  it('no token, or a revoked one, is refused', async () => {
    const t = await testDb();
    await expect(t.anonymous.accounts.search({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('tokens are stored hashed, never as given', async () => {
    const t = await testDb();
    const u = await t.user('pieter@verkoop.example');
    const rows = await t.db.client.execute('select token_hash from api_tokens');
    expect(rows.rows).toHaveLength(1);
    expect(String(rows.rows[0]!.token_hash)).not.toContain(u.token);
    expect(String(rows.rows[0]!.token_hash)).toMatch(/^[0-9a-f]{64}$/);
  });
});
