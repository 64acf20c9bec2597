/** The rep's day beside the inbox: what waits, what is due, what went quiet — their own accounts only. */
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/server';
import { jan, offerteThread } from '../helpers/data';
import { eq } from 'drizzle-orm';
import { accounts } from '../../server/db/schema';

const DAY = 86_400_000;

describe('today', () => {
  it('lists proposals, next steps due or overdue, open complaints and stale accounts, with phases and the last thread', async () => {
    const t = await testDb();
    const me = await t.user('pieter@verkoop.example');
    const colleague = await t.user('eva@verkoop.example');
    const now = Date.now();
    const dayStart = now - (now % DAY);
    const { accountId } = await me.api.capture.linkedInPerson({ person: jan });
    await me.api.capture.emailContact({ person: { email: 'jan.devries@acme.example', name: 'Jan de Vries' }, wroteToUs: true });
    await me.api.activities.logThread({ thread: offerteThread });
    await me.api.accounts.update({ accountId, patch: { nextStep: 'Offerte nabellen', nextStepDue: dayStart - DAY } });
    await me.api.activities.log({ accountId, type: 'complaint_opened', subject: 'Levering te laat', data: { complaintId: 'c-1' } });
    // a colleague's account does not show on my day
    const theirs = await colleague.api.capture.linkedInPerson({
      person: { ...jan, profileUrl: 'https://www.linkedin.com/in/eva', memberId: undefined, companyName: 'Beta BV', companyUrl: undefined },
    });
    await colleague.api.accounts.update({ accountId: theirs.accountId, patch: { nextStepDue: dayStart } });

    const { items } = await me.api.accounts.today({ dayStart, dayEnd: dayStart + DAY - 1 });
    const kinds = items.map((i) => i.kind);
    expect(kinds).toEqual(expect.arrayContaining(['proposal', 'next-step', 'complaint']));
    expect(items.every((i) => i.accountId === accountId && i.phase === 'suspect')).toBe(true);
    expect(items.find((i) => i.kind === 'next-step')).toMatchObject({ detail: 'Offerte nabellen', overdue: true });
    expect(items.find((i) => i.kind === 'proposal')).toMatchObject({ detail: 'conversation', lastMessageId: '19cbe851a40269e0' });
    expect(items.find((i) => i.kind === 'complaint')).toMatchObject({ detail: 'Levering te laat' });
  });
});

describe('finding an account', () => {
  it("by name, city, a contact's name or e-mail address; by phase and archived; sorted", async () => {
    const t = await testDb();
    const me = await t.user('pieter@verkoop.example');
    const { accountId } = await me.api.capture.linkedInPerson({ person: jan });
    await me.api.capture.emailContact({ person: { email: 'jan.devries@acme.example', name: 'Jan de Vries' }, wroteToUs: true });
    const other = await me.api.capture.linkedInPerson({
      person: {
        ...jan,
        profileUrl: 'https://www.linkedin.com/in/eva',
        memberId: undefined,
        name: 'Eva 100%_Smit',
        firstName: 'Eva',
        lastName: '100%_Smit',
        companyName: 'Beta BV',
        companyUrl: undefined,
        city: 'Zwolle',
      },
    });
    const names = async (input: Parameters<typeof me.api.accounts.search>[0]) => (await me.api.accounts.search(input)).map((a) => a.name);
    expect(await names({ q: 'acme' })).toEqual(['Acme BV']);
    expect(await names({ q: 'de vries' })).toEqual(['Acme BV']);
    expect(await names({ q: 'jan.devries@' })).toEqual(['Acme BV']);
    expect(await names({ q: '100%_' })).toEqual(['Beta BV']);
    expect(await names({ q: '%' })).toEqual(['Beta BV']);
    await me.api.accounts.move({ accountId, to: 'prospect' });
    expect(await names({ phase: 'prospect' })).toEqual(['Acme BV']);
    await me.api.accounts.archive({ accountId: other.accountId, reason: 'no_fit' });
    expect(await names({ archived: true })).toEqual(['Beta BV']);
    expect(await names({ archived: false })).toEqual(['Acme BV']);
    // gone stale: no activity for 30 days
    expect(await names({ stale: true })).toEqual([]);
    await t.db
      .update(accounts)
      .set({ lastActivityAt: Date.now() - 40 * DAY })
      .where(eq(accounts.id, accountId));
    expect(await names({ stale: true })).toEqual(['Acme BV']);
  });
});
