/**
 * GDPR/AVG: an admin exports everything held about a person and erases a
 * person or an account; afterwards no procedure shows the name or address,
 * the erasure is on the trail without personal data, and the counts stay.
 */
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/server';
import { jan, offerteThread } from '../helpers/data';
import { admin } from '../helpers/cli';
import { tmpDbUrl } from '../helpers/tmp';
import { openDb } from '../../server/db/client';
import { createUser } from '../../server/domain/auth';
import { createCallerFactory } from '../../server/trpc';
import { appRouter } from '../../server/routers';
import { authenticate } from '../../server/domain/auth';

async function withJan() {
  const t = await testDb();
  const rep = await t.user('pieter@verkoop.example');
  const boss = await t.user('admin@verkoop.example', 'Verkoop BV', 'admin');
  const { accountId } = await rep.api.capture.linkedInPerson({ person: jan });
  await rep.api.capture.emailContact({
    person: { email: 'jan.devries@acme.example', name: 'Jan de Vries' },
    wroteToUs: true,
    threadId: offerteThread.threadId,
  });
  await rep.api.capture.emailContact({ person: { email: 'm.jansen@acme.example', name: 'Marieke Jansen' }, wroteToUs: true, threadId: offerteThread.threadId });
  await rep.api.activities.logThread({ thread: offerteThread });
  await rep.api.accounts.move({ accountId, to: 'conversation', note: 'Jan de Vries wil een offerte' });
  return { ...t, rep, boss, accountId };
}

const trace = (x: unknown) => /jan de vries|jan\.devries@acme\.example|jan-de-vries-4b2a1|Hoi Pieter/i.test(JSON.stringify(x));

describe('personal data', () => {
  it('an admin exports everything held about a person, by e-mail or LinkedIn URL; a rep may not', async () => {
    const { rep, boss } = await withJan();
    await expect(rep.api.privacy.exportPerson({ email: 'jan.devries@acme.example' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const byMail = await boss.api.privacy.exportPerson({ email: 'jan.devries@acme.example' });
    const byUrl = await boss.api.privacy.exportPerson({ linkedinUrl: 'https://nl.linkedin.com/in/jan-de-vries-4b2a1/' });
    expect(byUrl.people).toEqual(byMail.people);
    const [p] = byMail.people;
    expect(p!.contact).toMatchObject({
      firstName: 'Jan',
      lastName: 'de Vries',
      emails: ['jan.devries@acme.example'],
      linkedinUrl: jan.profileUrl,
      headline: jan.headline,
    });
    expect(p!.account).toMatchObject({ name: 'Acme BV' });
    expect(p!.activities.map((a) => a.type)).toEqual(expect.arrayContaining(['email_in', 'linkedin_capture']));
    await expect(boss.api.privacy.exportPerson({ email: 'nobody@acme.example' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('erasing a person leaves no trace in any procedure, keeps the counts, and is on the trail without personal data', async () => {
    const { rep, boss, accountId } = await withJan();
    const before = await rep.api.accounts.get({ id: accountId });
    expect(trace(before)).toBe(true);
    const r = await boss.api.privacy.erasePerson({ email: 'jan.devries@acme.example' });
    expect(r.erased).toMatchObject({ contacts: 1, addresses: 1 });
    const after = await rep.api.accounts.get({ id: accountId });
    expect(trace(after)).toBe(false);
    expect(trace(await rep.api.accounts.search({ q: 'vries' }))).toBe(false);
    expect(trace(await rep.api.accounts.lookupLinkedIn({ profileUrl: jan.profileUrl }))).toBe(false);
    // the address asked about is echoed back, but nothing held about it is: no contact, no name
    const looked = await rep.api.accounts.lookupEmails({ people: [{ email: 'jan.devries@acme.example' }] });
    expect(looked.participants[0]).toMatchObject({ contactId: null, name: '' });
    expect(trace(looked.accounts)).toBe(false);
    // Marieke is someone else: she stays
    expect(after.contacts.map((c) => c.name)).toEqual(['Marieke Jansen']);
    expect(after.activities).toHaveLength(before.activities.length);
    expect(after.phaseChanges.map((c) => c.to)).toEqual(before.phaseChanges.map((c) => c.to));
    const erased = after.history.find((h) => h.kind === 'person_erased')!;
    expect(erased).toMatchObject({ by: 'admin' });
    expect(trace(erased)).toBe(false);
  });

  it('erasing an account removes its name, people and texts, keeps its figures', async () => {
    const { rep, boss, accountId } = await withJan();
    await expect(rep.api.privacy.eraseAccount({ accountId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await boss.api.privacy.eraseAccount({ accountId });
    const after = await rep.api.accounts.get({ id: accountId });
    expect(after).toMatchObject({ name: 'Erased account', contacts: [], city: null, linkedinCompanyUrl: null });
    expect(after.activities.every((a) => a.subject === null && a.snippet === null)).toBe(true);
    expect(trace(after)).toBe(false);
    expect(JSON.stringify(after)).not.toMatch(/Acme|Marieke/);
    expect(after.phase).toBe('conversation');
  });
});

describe('the admin command', () => {
  it('export-person prints JSON; erase-person prints {"erased": …}; afterwards the API shows no trace', { timeout: 120_000 }, async () => {
    const url = tmpDbUrl('privacy-cli');
    const db = await openDb({ url });
    const made = await createUser(db, { email: 'pieter@verkoop.example', name: 'Pieter', team: 'Verkoop BV' });
    const api = createCallerFactory(appRouter)({ db, actor: await authenticate(db, made.token) });
    const { accountId } = await api.capture.linkedInPerson({ person: jan });
    await api.capture.emailContact({ person: { email: 'jan.devries@acme.example', name: 'Jan de Vries' }, wroteToUs: true });
    db.client.close();

    const exported = admin(url, ['export-person', '--team', 'Verkoop BV', '--linkedin', 'https://www.linkedin.com/in/jan-de-vries-4b2a1']) as {
      people: { contact: { emails: string[] } }[];
    };
    expect(exported.people[0]!.contact.emails).toEqual(['jan.devries@acme.example']);
    const erased = admin(url, ['erase-person', '--team', 'Verkoop BV', '--email', 'jan.devries@acme.example']);
    expect(erased).toMatchObject({ erased: { contacts: 1 } });

    const db2 = await openDb({ url });
    const api2 = createCallerFactory(appRouter)({ db: db2, actor: await authenticate(db2, made.token) });
    expect(trace(await api2.accounts.get({ id: accountId }))).toBe(false);
    expect(trace(await api2.accounts.search({}))).toBe(false);
    db2.client.close();
  });
});
