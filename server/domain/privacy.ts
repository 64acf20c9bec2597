/**
 * Personal data under control (GDPR/AVG): an admin exports everything the
 * team holds about a person, and erases a person or a whole account. An
 * erasure removes the contact, their addresses and the text of their messages
 * (and any text that names them), keeps the events themselves so that the
 * dashboard's counts stay right, and is recorded: who, when, how much — never
 * what.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { accounts, activities, contactEmails, contacts, phaseChanges } from '../db/schema';
import { fullName } from '../../shared/names';
import { normalizeProfileUrl } from '../../shared/linkedin-urls';
import type { ActivityData } from '../../shared/schemas';
import type { Actor } from './actor';
import { notFound } from './errors';
import { requireRole } from './roles';
import { recordEvent } from './trail';
import { named } from '../db/name-key';
import { transact } from './transact';

export type PersonRef = { email?: string; linkedinUrl?: string };

async function findPeople(q: Db | Tx, teamId: string, ref: PersonRef) {
  const byEmail = ref.email
    ? await q
        .select({ id: contactEmails.contactId })
        .from(contactEmails)
        .where(and(eq(contactEmails.teamId, teamId), eq(contactEmails.email, ref.email.trim().toLowerCase())))
        .all()
    : [];
  const byUrl = ref.linkedinUrl
    ? await q
        .select({ id: contacts.id })
        .from(contacts)
        .where(and(eq(contacts.teamId, teamId), eq(contacts.linkedinUrl, normalizeProfileUrl(ref.linkedinUrl.trim()))))
        .all()
    : [];
  return peopleByIds(q, teamId, [...new Set([...byEmail, ...byUrl].map((r) => r.id))]);
}

async function peopleByIds(q: Db | Tx, teamId: string, ids: string[]) {
  if (!ids.length) return [];
  const people = await q
    .select()
    .from(contacts)
    .where(and(eq(contacts.teamId, teamId), inArray(contacts.id, ids)))
    .all();
  const emails = await q
    .select()
    .from(contactEmails)
    .where(and(eq(contactEmails.teamId, teamId), inArray(contactEmails.contactId, ids)))
    .all();
  return people.map((c) => ({ ...c, emails: emails.filter((e) => e.contactId === c.id).map((e) => e.email) }));
}
type Person = Awaited<ReturnType<typeof peopleByIds>>[number];

/** The words that identify a person in free text: their full name, addresses and profile. */
function markers(p: Person): string[] {
  return [fullName(p), ...p.emails, p.linkedinUrl ?? ''].map((s) => s.trim().toLowerCase()).filter((s) => s.length >= 4);
}
const mentions = (text: string | null | undefined, words: string[]) => Boolean(text) && words.some((w) => text!.toLowerCase().includes(w));

/** The person's activities: theirs by contact, or naming them in text or in their source key. */
async function activitiesOf(q: Db | Tx, teamId: string, p: Person) {
  const words = markers(p);
  const rows = await q
    .select()
    .from(activities)
    .where(and(eq(activities.teamId, teamId), eq(activities.accountId, p.accountId)))
    .all();
  return rows.filter(
    (a) =>
      a.contactId === p.id ||
      mentions(a.subject, words) ||
      mentions(a.snippet, words) ||
      mentions(a.sourceKey, words) ||
      mentions(JSON.stringify(a.data), words),
  );
}

export async function exportPerson(db: Db, actor: Actor, ref: PersonRef) {
  requireRole(actor, 'admin', 'export personal data');
  const people = await findPeople(db, actor.teamId, ref);
  if (!people.length) throw notFound('Person');
  const out = [];
  for (const p of people) {
    const account = await db.query.accounts.findFirst({ where: and(eq(accounts.id, p.accountId), eq(accounts.teamId, actor.teamId)) });
    const acts = await activitiesOf(db, actor.teamId, p);
    const { teamId: _t, ...contact } = p;
    out.push({
      contact,
      account: account && { id: account.id, name: account.name, kind: account.kind, phase: account.phase, city: account.city, country: account.country },
      activities: acts.map(({ teamId: _x, ...a }) => a),
    });
  }
  return { exportedAt: Date.now(), request: ref, people: out };
}

const TEXT_DATA: (keyof ActivityData)[] = ['outcome', 'reference', 'version', 'referredCompany'];
const withoutText = (data: ActivityData) =>
  Object.fromEntries(Object.entries(data).filter(([k]) => !TEXT_DATA.includes(k as keyof ActivityData))) as ActivityData;

async function scrubActivities(tx: Tx, rows: (typeof activities.$inferSelect)[]) {
  for (const a of rows) {
    await tx
      .update(activities)
      // the event stays (counts, phases, coverage); what it said and whose it was goes
      .set({ subject: null, snippet: null, contactId: null, data: withoutText(a.data), sourceKey: `erased:${a.id}` })
      .where(eq(activities.id, a.id));
  }
  return rows.length;
}

async function erasePeople(tx: Tx, actor: Actor, people: Person[]) {
  let addresses = 0;
  let texts = 0;
  for (const p of people) {
    const words = markers(p);
    texts += await scrubActivities(tx, await activitiesOf(tx, actor.teamId, p));
    for (const c of await tx
      .select()
      .from(phaseChanges)
      .where(and(eq(phaseChanges.accountId, p.accountId), eq(phaseChanges.teamId, actor.teamId)))
      .all()) {
      if (mentions(c.note, words)) await tx.update(phaseChanges).set({ note: null }).where(eq(phaseChanges.id, c.id));
    }
    addresses += p.emails.length;
    await tx.delete(contactEmails).where(and(eq(contactEmails.teamId, actor.teamId), eq(contactEmails.contactId, p.id)));
    await tx.update(activities).set({ contactId: null }).where(eq(activities.contactId, p.id));
    await tx.delete(contacts).where(eq(contacts.id, p.id));
    const account = await tx.query.accounts.findFirst({ where: eq(accounts.id, p.accountId) });
    const left = await tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.accountId, p.accountId)).all();
    if (account && (account.kind === 'person' || mentions(account.name, words)) && !left.length) await scrubAccount(tx, p.accountId, 'Erased person');
    else if (account && (mentions(account.nextStep, words) || mentions(JSON.stringify(account.facts), words) || mentions(account.archiveReason, words))) {
      await tx
        .update(accounts)
        .set({ nextStep: null, facts: {}, archiveReason: account.archiveReason && 'erased' })
        .where(eq(accounts.id, account.id));
    }
    await recordEvent(tx, actor, p.accountId, 'person_erased', { addresses: p.emails.length, activities: texts });
  }
  return { contacts: people.length, addresses, activities: texts };
}

async function scrubAccount(tx: Tx, accountId: string, name: string) {
  await tx
    .update(accounts)
    .set({
      ...named(name),
      address: null,
      postcode: null,
      city: null,
      country: null,
      website: null,
      tagline: null,
      emailDomain: null,
      linkedinCompanyUrl: null,
      facts: {},
      nextStep: null,
      archiveReason: null,
      erasedAt: Date.now(),
    })
    .where(eq(accounts.id, accountId));
  await tx.update(phaseChanges).set({ note: null }).where(eq(phaseChanges.accountId, accountId));
}

export async function erasePerson(db: Db, actor: Actor, ref: PersonRef) {
  requireRole(actor, 'admin', 'erase personal data');
  return transact(db, async (tx) => {
    const people = await findPeople(tx, actor.teamId, ref);
    if (!people.length) throw notFound('Person');
    return { erased: await erasePeople(tx, actor, people) };
  });
}

export async function eraseAccount(db: Db, actor: Actor, input: { accountId: string }) {
  requireRole(actor, 'admin', 'erase an account');
  return transact(db, async (tx) => {
    const account = await tx.query.accounts.findFirst({ where: and(eq(accounts.id, input.accountId), eq(accounts.teamId, actor.teamId)) });
    if (!account) throw notFound('Account');
    const ids = (await tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.accountId, account.id)).all()).map((c) => c.id);
    const people = await peopleByIds(tx, actor.teamId, ids);
    const result = await erasePeople(tx, actor, people);
    const rest = await tx.select().from(activities).where(eq(activities.accountId, account.id)).all();
    const texts = await scrubActivities(
      tx,
      rest.filter((a) => a.subject || a.snippet || !a.sourceKey.startsWith('erased:')),
    );
    await scrubAccount(tx, account.id, 'Erased account');
    await recordEvent(tx, actor, account.id, 'account_erased', { contacts: result.contacts, activities: texts });
    return { erased: { accounts: 1, ...result, activities: result.activities + texts } };
  });
}
