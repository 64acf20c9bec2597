/** Bad input gets a clear 400 or 404 and changes nothing; a stored account never becomes unreadable. */
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/server';
import { jan } from '../helpers/data';

async function setup() {
  const t = await testDb();
  const pieter = await t.user('pieter@verkoop.example');
  const other = await t.user('x@other.example', 'Other BV');
  const acme = await pieter.api.capture.linkedInPerson({ person: jan });
  const beta = await pieter.api.capture.linkedInPerson({
    person: {
      ...jan,
      profileUrl: 'https://www.linkedin.com/in/eva',
      memberId: undefined,
      name: 'Eva Smit',
      firstName: 'Eva',
      lastName: 'Smit',
      companyName: 'Beta BV',
      companyUrl: undefined,
    },
  });
  const foreign = await other.api.capture.linkedInPerson({ person: jan });
  return { ...t, api: pieter.api, acme, beta, foreign };
}

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'OK',
    (e: { code?: string }) => e.code,
  );

describe('bounds', () => {
  it('times outside 1990 … ten years ahead are refused, and the account stays readable', async () => {
    const { api, acme } = await setup();
    for (const occurredAt of [9_000_000_000_000_000, Date.UTC(1980, 0, 1), -1]) {
      expect(await code(api.activities.log({ accountId: acme.accountId, type: 'call', occurredAt }))).toBe('BAD_REQUEST');
    }
    expect(await code(api.accounts.update({ accountId: acme.accountId, patch: { nextStepDue: 9_000_000_000_000_000 } }))).toBe('BAD_REQUEST');
    expect(await code(api.activities.log({ accountId: acme.accountId, type: 'call', occurredAt: Date.UTC(2026, 0, 5) }))).toBe('OK');
    const account = await api.accounts.get({ id: acme.accountId });
    expect(account.activities.every((a) => Number.isFinite(new Date(a.occurredAt).getTime()))).toBe(true);
  });

  it('control characters are refused everywhere; line breaks only where text is a note', async () => {
    const { api, acme } = await setup();
    expect(await code(api.accounts.update({ accountId: acme.accountId, patch: { name: 'Acme\u0000 BV' } }))).toBe('BAD_REQUEST');
    expect(await code(api.accounts.update({ accountId: acme.accountId, patch: { city: 'Utrecht\nEvil' } }))).toBe('BAD_REQUEST');
    expect(await code(api.capture.linkedInPerson({ person: { ...jan, headline: 'Inkoper\u001b[31m' } }))).toBe('BAD_REQUEST');
    expect(await code(api.accounts.search({ q: 'ac\u0007me' }))).toBe('BAD_REQUEST');
    expect(await code(api.activities.log({ accountId: acme.accountId, type: 'note', subject: 'Gesprek\nmet Jan:\tprijs besproken' }))).toBe('OK');
    expect((await api.accounts.get({ id: acme.accountId })).name).toBe('Acme BV');
  });

  it('an empty patch is a 400, not a 500', async () => {
    const { api, acme } = await setup();
    await expect(api.accounts.update({ accountId: acme.accountId, patch: {} })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('empty'),
    });
  });

  it('every id must belong to the team and to the account it is used with (404 otherwise)', async () => {
    const { api, acme, beta, foreign } = await setup();
    const log = (input: Record<string, unknown>) => code(api.activities.log({ accountId: acme.accountId, type: 'call', ...input }));
    expect(await log({ contactId: foreign.contactId })).toBe('NOT_FOUND');
    expect(await log({ contactId: beta.contactId })).toBe('NOT_FOUND');
    expect(await log({ contactId: 'no-such-contact' })).toBe('NOT_FOUND');
    expect(await log({ contactId: acme.contactId })).toBe('OK');
    await api.accounts.move({ accountId: beta.accountId, to: 'customer' });
    const opp = await api.opportunities.create({ accountId: beta.accountId, kind: 'upsell', title: 'More' });
    expect(await log({ data: { opportunityId: opp.opportunityId } })).toBe('NOT_FOUND');
    expect(await code(api.activities.log({ accountId: acme.accountId, type: 'complaint_resolved', data: { complaintId: 'never-opened' } }))).toBe('NOT_FOUND');
    await api.activities.log({ accountId: acme.accountId, type: 'complaint_opened', data: { complaintId: 'c-1' } });
    expect(await code(api.activities.log({ accountId: acme.accountId, type: 'complaint_resolved', data: { complaintId: 'c-1' } }))).toBe('OK');
    expect(await code(api.accounts.get({ id: foreign.accountId }))).toBe('NOT_FOUND');
    expect(await code(api.accounts.setContactRole({ contactId: foreign.contactId!, role: 'decision_maker' }))).toBe('NOT_FOUND');
  });
});
