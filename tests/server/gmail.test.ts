import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/server';
import { offerteThread } from '../helpers/data';

async function capturedAcme() {
  const t = await testDb();
  const pieter = await t.user('pieter@verkoop.example');
  const janContact = await pieter.api.capture.emailContact({ person: { email: 'jan.devries@acme.example', name: 'Jan de Vries' }, wroteToUs: true });
  return { ...t, pieter, accountId: janContact.accountId };
}

describe('logging a Gmail thread', () => {
  it('logs each message as email_in or email_out, keyed by message id, with subject and snippet', async () => {
    const { pieter, accountId } = await capturedAcme();
    const r = await pieter.api.activities.logThread({ thread: offerteThread });
    expect(r).toMatchObject({ accountId, logged: 3, alreadyLogged: 0 });
    const account = await pieter.api.accounts.get({ id: accountId });
    const mail = account.activities.filter((a) => a.type.startsWith('email'));
    expect(mail.map((a) => [a.type, a.sourceKey])).toEqual([
      ['email_out', 'gmail:19cbe851a40269e0'],
      ['email_in', 'gmail:19cbe775ea0f2a74'],
      ['email_out', 'gmail:19cb2f7f30052e6b'],
    ]);
    expect(mail[1]).toMatchObject({ subject: 'Offerte bouwmaterialen Q2', snippet: 'Hoi Pieter,', direction: 'in' });
  });

  it('logging twice, or by a colleague, never makes a duplicate', async () => {
    const { pieter, user, accountId } = await capturedAcme();
    await pieter.api.activities.logThread({ thread: offerteThread });
    const again = await pieter.api.activities.logThread({ thread: offerteThread });
    const colleague = await user('sanne@verkoop.example');
    const byColleague = await colleague.api.activities.logThread({ thread: offerteThread });
    expect(again).toMatchObject({ logged: 0, alreadyLogged: 3 });
    expect(byColleague).toMatchObject({ logged: 0, alreadyLogged: 3 });
    const account = await pieter.api.accounts.get({ id: accountId });
    expect(account.activities.filter((a) => a.type.startsWith('email'))).toHaveLength(3);
  });

  it('a thread that grew since it was logged logs only its new messages, in order, and keeps one proposal open for all its replies', async () => {
    const { pieter, db, accountId } = await capturedAcme();
    const [first, reply] = offerteThread.messages;
    const start = await pieter.api.activities.logThread({ thread: { ...offerteThread, messages: [first!, reply!] } });
    expect(start).toMatchObject({ logged: 2, alreadyLogged: 0, proposal: { to: 'conversation' } });
    const later = (i: number) => ({ ...reply!, id: `19cbf00000000${i}`, at: Date.UTC(2026, 2, 6 + i, 10), snippet: `Nog een vraag ${i}` });
    const grown = await pieter.api.activities.logThread({ thread: { ...offerteThread, messages: [...offerteThread.messages, later(1), later(2)] } });
    expect(grown).toMatchObject({ logged: 3, alreadyLogged: 2 });
    const mail = (await pieter.api.accounts.get({ id: accountId })).activities.filter((a) => a.type.startsWith('email'));
    expect(mail.map((a) => a.snippet)).toEqual(['Nog een vraag 2', 'Nog een vraag 1', 'Top Jan', 'Hoi Pieter,', 'Goedemorgen Jan,']);
    const open = await db.query.proposals.findMany({ where: (p, { eq }) => eq(p.status, 'open') });
    expect(open.map((p) => p.to)).toEqual(['conversation']);
  });

  it('the longest thread (200 messages) logs every message once, in order, and logged again after it grew, only the new ones', async () => {
    const { pieter, db, accountId } = await capturedAcme();
    const [out, reply] = offerteThread.messages;
    const message = (i: number) => ({
      ...(i % 2 ? reply! : out!),
      id: `19d${String(i).padStart(13, '0')}`,
      at: Date.UTC(2026, 2, 3) + i * 60_000,
      snippet: `Bericht ${i}`,
    });
    const first = await pieter.api.activities.logThread({ thread: { ...offerteThread, messages: Array.from({ length: 199 }, (_, i) => message(i)) } });
    expect(first).toMatchObject({ logged: 199, alreadyLogged: 0 });
    const grown = await pieter.api.activities.logThread({ thread: { ...offerteThread, messages: Array.from({ length: 200 }, (_, i) => message(i)) } });
    expect(grown).toMatchObject({ logged: 1, alreadyLogged: 199 });
    // the card shows the latest 50; every row is read here
    const mail = await db.query.activities.findMany({
      where: (a, { and, eq, like }) => and(eq(a.accountId, accountId), like(a.type, 'email%')),
      orderBy: (a, { asc }) => asc(a.occurredAt),
    });
    expect(mail.map((a) => [a.snippet, a.sourceKey])).toEqual(Array.from({ length: 200 }, (_, i) => [`Bericht ${i}`, `gmail:${message(i).id}`]));
  });

  it('a reply from a contact proposes customer conversation; one click accepts it with the reply as evidence', async () => {
    const { pieter, accountId } = await capturedAcme();
    const r = await pieter.api.activities.logThread({ thread: offerteThread });
    expect(r.proposal).toMatchObject({ to: 'conversation' });
    const before = await pieter.api.accounts.get({ id: accountId });
    expect(before.phase).toBe('prospect');
    expect(before.proposal).toMatchObject({ to: 'conversation', evidence: 'reply_from_contact' });
    await pieter.api.activities.acceptProposal({ proposalId: before.proposal!.id });
    const after = await pieter.api.accounts.get({ id: accountId });
    expect(after.phase).toBe('conversation');
    const reply = after.activities.find((a) => a.sourceKey === 'gmail:19cbe775ea0f2a74')!;
    expect(after.phaseChanges.at(-1)).toMatchObject({ from: 'prospect', to: 'conversation', evidenceActivityId: reply.id });
    expect(after.proposal).toBeNull();
  });

  it('a dismissed proposal does not come back when the thread is logged again', async () => {
    const { pieter, accountId } = await capturedAcme();
    const r = await pieter.api.activities.logThread({ thread: offerteThread });
    await pieter.api.activities.dismissProposal({ proposalId: r.proposal!.id });
    await pieter.api.activities.logThread({ thread: offerteThread });
    expect((await pieter.api.accounts.get({ id: accountId })).proposal).toBeNull();
  });

  it('an e-mail they started (not a reply) proposes prospect for a suspect', async () => {
    const t = await testDb();
    const pieter = await t.user('pieter@verkoop.example');
    // we only wrote to Jan so far: Acme is a suspect
    const c = await pieter.api.capture.emailContact({ person: { email: 'jan.devries@acme.example', name: 'Jan de Vries' }, wroteToUs: false });
    expect((await pieter.api.accounts.get({ id: c.accountId })).phase).toBe('suspect');
    const r = await pieter.api.activities.logThread({ thread: { ...offerteThread, messages: [offerteThread.messages[1]!] } });
    expect(r.proposal).toMatchObject({ to: 'prospect' });
    expect((await pieter.api.accounts.get({ id: c.accountId })).proposal).toMatchObject({ to: 'prospect', evidence: 'first_email_from_contact' });
  });

  it('refuses a thread nobody in which is known, and threads over 20 recipients', async () => {
    const t = await testDb();
    const pieter = await t.user('pieter@verkoop.example');
    await expect(pieter.api.activities.logThread({ thread: offerteThread })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('add the company first'),
    });
    await pieter.api.capture.emailContact({ person: { email: 'jan.devries@acme.example' }, wroteToUs: true });
    const many = Array.from({ length: 21 }, (_, i) => ({ email: `p${i}@acme.example`, name: '' }));
    const big = { ...offerteThread, messages: [{ ...offerteThread.messages[0]!, to: many }] };
    await expect(pieter.api.activities.logThread({ thread: big })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('20 recipients'),
    });
  });

  it("never logs a message with an address or domain on the user's privacy list", async () => {
    const { pieter, accountId } = await capturedAcme();
    await pieter.api.me.setNeverLog({ entries: ['m.jansen@acme.example'] });
    const r = await pieter.api.activities.logThread({ thread: offerteThread });
    expect(r).toMatchObject({ logged: 1, privateSkipped: 2 });
    await pieter.api.me.setNeverLog({ entries: ['acme.example'] });
    const all = await pieter.api.activities.logThread({ thread: offerteThread });
    expect(all).toMatchObject({ logged: 0, alreadyLogged: 0, privateSkipped: 3 });
    expect((await pieter.api.accounts.get({ id: accountId })).activities.filter((a) => a.type.startsWith('email'))).toHaveLength(1);
  });

  it('looks up participants by address, then by company domain', async () => {
    const { pieter, accountId } = await capturedAcme();
    const r = await pieter.api.accounts.lookupEmails({
      people: [{ email: 'jan.devries@acme.example' }, { email: 'm.jansen@acme.example' }, { email: 'x@other.example' }, { email: 'y@gmail.com' }],
    });
    expect(r.participants.map((p) => [p.email, p.matchedBy, p.accountId])).toEqual([
      ['jan.devries@acme.example', 'email', accountId],
      ['m.jansen@acme.example', 'domain', accountId],
      ['x@other.example', null, null],
      ['y@gmail.com', null, null],
    ]);
    expect(r.accounts.map((a) => a.id)).toEqual([accountId]);
  });
});
