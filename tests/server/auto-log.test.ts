/** Threads with known accounts log themselves; one identity across LinkedIn and Gmail; undo leaves no trace in the figures. */
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/server';
import { jan, offerteThread } from '../helpers/data';
import type { GmailThread } from '../../shared/schemas';

async function janFromLinkedIn() {
  const t = await testDb();
  const pieter = await t.user('pieter@verkoop.example');
  const { accountId, contactId } = await pieter.api.capture.linkedInPerson({ person: { ...jan, companyUrl: undefined } });
  return { ...t, api: pieter.api, accountId, contactId: contactId! };
}
const ids = (t: GmailThread) => t.messages.map((m) => m.id);
const dailyTotal = async (db: Awaited<ReturnType<typeof testDb>>['db']) => (await db.query.activityDaily.findMany()).reduce((n, r) => n + r.count, 0);

describe('one identity across LinkedIn and Gmail', () => {
  it('a person captured on LinkedIn who writes from the company domain is proposed as that contact, and linked in one step', async () => {
    const { api, accountId, contactId } = await janFromLinkedIn();
    const { participants, accounts } = await api.accounts.lookupEmails({ people: offerteThread.external });
    expect(participants[0]).toMatchObject({
      email: 'jan.devries@acme.example',
      accountId,
      matchedBy: 'name',
      proposedContact: { id: contactId, name: 'Jan de Vries' },
    });
    // Marieke is someone else at the same company: the account, no person proposed
    expect(participants[1]).toMatchObject({ accountId, matchedBy: 'domain', proposedContact: null });
    expect(accounts.map((a) => a.phase)).toEqual(['suspect']);
    await api.accounts.addContactChannel({ contactId, email: 'jan.devries@acme.example' });
    const after = await api.accounts.lookupEmails({ people: offerteThread.external });
    expect(after.participants[0]).toMatchObject({ contactId, matchedBy: 'email' });
  });
});

describe('one identity, the other way round', () => {
  it('a person met by e-mail is proposed on their LinkedIn profile, and the profile joins that contact in one step', async () => {
    const t = await testDb();
    const { api } = await t.user('pieter@verkoop.example');
    const met = await api.capture.emailContact({ person: { email: 'jan.devries@acme.example', name: 'Jan de Vries' }, wroteToUs: true });
    await api.accounts.update({ accountId: met.accountId, patch: { name: 'Acme BV' } });
    const seen = await api.accounts.lookupLinkedIn({ profileUrl: jan.profileUrl, companyName: 'Acme BV', name: 'Jan de Vries' });
    expect(seen).toMatchObject({ matchedBy: 'company', proposedContact: { id: met.contactId, name: 'Jan de Vries' } });
    // someone else of the same company is no one's double
    expect(
      (await api.accounts.lookupLinkedIn({ profileUrl: 'https://www.linkedin.com/in/eva', companyName: 'Acme BV', name: 'Eva Smit' })).proposedContact,
    ).toBeNull();
    const linked = await api.capture.linkedInPerson({ person: jan, linkContactId: met.contactId! });
    expect(linked).toMatchObject({ contactId: met.contactId, createdContact: false });
    const account = await api.accounts.get({ id: met.accountId });
    expect(account.contacts).toHaveLength(1);
    expect(account.contacts[0]).toMatchObject({ linkedinUrl: jan.profileUrl, email: 'jan.devries@acme.example' });
    expect((await api.accounts.lookupLinkedIn({ profileUrl: jan.profileUrl })).matchedBy).toBe('person');
  });
});

describe('automatic logging', () => {
  it('logs every message of a thread with a known account once, with the proposal a clicked log makes', async () => {
    const { api, accountId, db } = await janFromLinkedIn();
    const first = await api.activities.autoLogThread({ thread: offerteThread });
    expect(first).toMatchObject({ logged: 3, skipped: null, proposal: { to: 'conversation' } });
    expect(await api.activities.autoLogThread({ thread: offerteThread })).toMatchObject({ logged: 0, alreadyLogged: 3 });
    expect(await api.activities.threadStatus({ messageIds: ids(offerteThread) })).toMatchObject({ logged: 3 });
    const account = await api.accounts.get({ id: accountId });
    expect(account.phase).toBe('suspect');
    expect(account.activities.filter((a) => a.type.startsWith('email_'))).toHaveLength(3);
    expect(await dailyTotal(db)).toBe(4);
  });

  it('undo removes the messages and everything derived from them, and the thread stays out', async () => {
    const { api, accountId, db } = await janFromLinkedIn();
    const before = await api.accounts.get({ id: accountId });
    const dailyBefore = await dailyTotal(db);
    await api.activities.autoLogThread({ thread: offerteThread });
    expect(await api.activities.undoThreadLog({ threadId: offerteThread.threadId, messageIds: ids(offerteThread) })).toEqual({ removed: 3, kept: 0 });
    const after = await api.accounts.get({ id: accountId });
    expect(after.activities.map((a) => a.id)).toEqual(before.activities.map((a) => a.id));
    expect(after.lastActivityAt).toBe(before.lastActivityAt);
    expect(after.proposal).toBeNull();
    expect(await dailyTotal(db)).toBe(dailyBefore);
    expect(await api.activities.threadStatus({ messageIds: ids(offerteThread) })).toMatchObject({ logged: 0 });
    expect(await api.activities.autoLogThread({ thread: offerteThread })).toMatchObject({ logged: 0, skipped: 'undone' });
  });

  it('never: when turned off, for unknown or free-mail senders, over the recipient limit, or for the never-log list', async () => {
    const { api } = await janFromLinkedIn();
    await api.me.setAutoLog({ on: false });
    expect(await api.activities.autoLogThread({ thread: offerteThread })).toMatchObject({ logged: 0, skipped: 'off' });
    expect((await api.me.get()).autoLog).toBe(false);
    await api.me.setAutoLog({ on: true });

    const stranger = { email: 'kees@gmail.com', name: 'Kees' };
    const privateThread: GmailThread = {
      ...offerteThread,
      threadId: 'abcdef01',
      external: [stranger],
      messages: [{ ...offerteThread.messages[1]!, id: 'abcdef01', from: stranger, cc: [] }],
    };
    expect(await api.activities.autoLogThread({ thread: privateThread })).toMatchObject({ logged: 0, skipped: 'no-known-account' });

    const crowd = Array.from({ length: 25 }, (_, i) => ({ email: `p${i}@acme.example`, name: '' }));
    const mass: GmailThread = {
      ...offerteThread,
      threadId: 'abcdef02',
      external: crowd,
      messages: [{ ...offerteThread.messages[0]!, id: 'abcdef02', to: crowd }],
    };
    expect(await api.activities.autoLogThread({ thread: mass })).toMatchObject({ logged: 0, skipped: 'too-many-recipients' });

    await api.me.setNeverLog({ entries: ['acme.example'] });
    expect(await api.activities.autoLogThread({ thread: offerteThread })).toMatchObject({ logged: 0, skipped: 'no-known-account' });
  });
});

describe('meetings from calendar invitations', () => {
  const invite = (subject: string, threadId: string): GmailThread => ({
    ...offerteThread,
    threadId,
    subject,
    messages: [{ ...offerteThread.messages[1]!, id: threadId }],
    external: [offerteThread.external[0]!],
  });

  it('an invitation plans a meeting on its date, an update moves it, a cancellation withdraws it', async () => {
    const { api, accountId } = await janFromLinkedIn();
    const meetings = async () =>
      (await api.accounts.get({ id: accountId })).activities.filter((a) => a.type === 'meeting').map((a) => [a.subject, a.occurredAt]);
    expect(
      (
        await api.activities.autoLogThread({
          thread: invite('Invitation: Kennismaking @ Tue Mar 10, 2026 10am - 11am (CET) (jan.devries@acme.example)', 'aaaa0001'),
        })
      ).meeting,
    ).toBe('planned');
    expect(await meetings()).toEqual([['Kennismaking', Date.UTC(2026, 2, 10, 9)]]);
    expect(
      (
        await api.activities.autoLogThread({
          thread: invite('Updated invitation: Kennismaking @ Wed Mar 11, 2026 2pm - 3pm (CET) (jan.devries@acme.example)', 'aaaa0002'),
        })
      ).meeting,
    ).toBe('moved');
    expect(await meetings()).toEqual([['Kennismaking', Date.UTC(2026, 2, 11, 13)]]);
    // the first invitation read again does not move it back
    expect(
      (
        await api.activities.autoLogThread({
          thread: invite('Invitation: Kennismaking @ Tue Mar 10, 2026 10am - 11am (CET) (jan.devries@acme.example)', 'aaaa0003'),
        })
      ).meeting,
    ).toBe('unchanged');
    expect(
      (
        await api.activities.autoLogThread({
          thread: invite('Canceled event: Kennismaking @ Wed Mar 11, 2026 2pm - 3pm (CET) (jan.devries@acme.example)', 'aaaa0004'),
        })
      ).meeting,
    ).toBe('withdrawn');
    expect(await meetings()).toEqual([]);
  });

  it('counts like any logged meeting, and proposes nothing by itself (a planned meeting has no outcome yet)', async () => {
    const { api, accountId, db } = await janFromLinkedIn();
    const daily = async () => (await db.query.activityDaily.findMany()).filter((r) => r.type === 'meeting').reduce((n, r) => n + r.count, 0);
    const r = await api.activities.autoLogThread({
      thread: invite('Uitnodiging: Demo @ di 5 mei 2026 10:00 - 11:00 (CEST) (jan.devries@acme.example)', 'aaaa0005'),
    });
    expect(r.meeting).toBe('planned');
    expect(await daily()).toBe(1);
    const account = await api.accounts.get({ id: accountId });
    expect(account.activities.find((a) => a.type === 'meeting')).toMatchObject({ subject: 'Demo', occurredAt: Date.UTC(2026, 4, 5, 8) });
    // the invitation's own e-mail is a first e-mail from a contact, as any; the meeting adds no proposal of its own
    expect(account.proposal?.evidence ?? null).not.toBe('meeting_with_outcome');
  });
});
