/** Who may do what, and every change on the account's trail with the name of who made it. */
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/server';
import { jan } from '../helpers/data';

async function team() {
  const t = await testDb();
  const rep = await t.user('pieter@verkoop.example');
  const colleague = await t.user('eva@verkoop.example');
  const manager = await t.user('sanne@verkoop.example', 'Verkoop BV', 'manager');
  const admin = await t.user('admin@verkoop.example', 'Verkoop BV', 'admin');
  const { accountId } = await rep.api.capture.linkedInPerson({ person: jan });
  return { ...t, rep, colleague, manager, admin, accountId };
}

describe('roles', () => {
  it('managers and admins reassign owners; a rep cannot; the new owner must be of the team', async () => {
    const { rep, colleague, manager, accountId, user } = await team();
    await expect(rep.api.accounts.setOwner({ accountId, ownerId: colleague.userId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await manager.api.accounts.setOwner({ accountId, ownerId: colleague.userId });
    expect((await rep.api.accounts.get({ id: accountId })).ownerId).toBe(colleague.userId);
    const outsider = await user('x@other.example', 'Other BV', 'admin');
    await expect(manager.api.accounts.setOwner({ accountId, ownerId: outsider.userId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("a rep may work on a colleague's account, and the trail shows who did what", async () => {
    const { colleague, manager, accountId, rep } = await team();
    await colleague.api.accounts.update({ accountId, patch: { city: 'Amersfoort', facts: { budget: '€ 20k' } } });
    await colleague.api.accounts.move({ accountId, to: 'prospect' });
    await manager.api.accounts.setOwner({ accountId, ownerId: colleague.userId });
    await rep.api.accounts.archive({ accountId, reason: 'no_fit' });
    const { history } = await rep.api.accounts.get({ id: accountId });
    expect(history.map((h) => [h.kind, h.by])).toEqual([
      ['archived', 'pieter'],
      ['owner_changed', 'sanne'],
      ['moved', 'eva'],
      ['edited', 'eva'],
      ['moved', 'pieter'],
    ]);
    expect(history.find((h) => h.kind === 'edited')).toMatchObject({ detail: { fields: ['city', 'facts.budget'] } });
  });

  it('admins manage users: invite with a one-time token, change a role, revoke; others may not', async () => {
    const { rep, admin } = await team();
    await expect(rep.api.users.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const invited = await admin.api.users.invite({ email: 'nieuw@verkoop.example', name: 'Nieuw', role: 'rep' });
    expect(invited.token).toMatch(/^pcrm_/);
    expect((await admin.api.users.list()).map((u) => u.email)).toContain('nieuw@verkoop.example');
    expect(await admin.api.users.setRole({ email: 'nieuw@verkoop.example', role: 'manager' })).toMatchObject({ role: 'manager' });
    expect(await admin.api.users.revoke({ email: 'nieuw@verkoop.example' })).toMatchObject({ revoked: 1 });
    await expect(admin.api.users.setRole({ email: 'admin@verkoop.example', role: 'rep' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(admin.api.users.revoke({ email: 'x@nowhere.example' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('client write ids', () => {
  it("count per user and per procedure: a colleague's id or the same id on another procedure is another write", async () => {
    const { rep, colleague, accountId } = await team();
    const first = await rep.api.activities.log({ accountId, type: 'call', clientId: 'same-id-0001' });
    const replay = await rep.api.activities.log({ accountId, type: 'call', clientId: 'same-id-0001' });
    expect(replay).toEqual(first);
    const colleagues = await colleague.api.activities.log({ accountId, type: 'call', clientId: 'same-id-0001' });
    expect(colleagues.activityId).not.toBe(first.activityId);
    const other = await rep.api.accounts.update({ accountId, patch: { city: 'Zeist' }, clientId: 'same-id-0001' });
    expect(other).toEqual({ accountId });
    expect((await rep.api.accounts.get({ id: accountId })).city).toBe('Zeist');
  });
});

describe('corrections after a capture', () => {
  it('name, headline and company name are corrected, and the trail says so', async () => {
    const { rep, accountId } = await team();
    const account = await rep.api.accounts.get({ id: accountId });
    const contactId = account.contacts[0]!.id;
    await rep.api.accounts.correctContact({ contactId, name: 'Jan van der Vries', headline: 'Inkoper', companyName: 'Acme Bouw BV' });
    const after = await rep.api.accounts.get({ id: accountId });
    expect(after.name).toBe('Acme Bouw BV');
    expect(after.contacts[0]).toMatchObject({ firstName: 'Jan', lastName: 'van der Vries', headline: 'Inkoper' });
    expect(
      after.history
        .slice(0, 2)
        .map((h) => h.kind)
        .sort(),
    ).toEqual(['contact_edited', 'edited']);
    await expect(rep.api.accounts.correctContact({ contactId })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
