/** Reading accounts: search, the full account with its timeline, and lookups for the sidebar. */
import { normalizeCompanyUrl, normalizeProfileUrl } from '../../shared/linkedin-urls';
import { and, asc, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { accountQuery } from '../../shared/schemas';
import { scopeFor } from './reports/scope';
import { staleSql, staleThresholds } from './reports/time-in-phase';
import type { Orm, Tx } from '../db/client';
import { prepared } from '../db/prepared';
import { accounts, activities, contactEmails, contacts, opportunities, phaseChanges, proposals, users } from '../db/schema';
import { CUSTOMER_PHASE, type ActivityType } from '../../shared/phases';
import { fullName } from '../../shared/names';
import type { Actor } from './actor';
import { notFound } from './errors';
import { checklistGaps } from './checklist';
import { careOf, lastContactAt } from './care';
import { accountHistory } from './trail';
import { findAccount, findAccountForAddress, findContact, findContactByName } from './matching';
import { isFreeMail } from './free-mail';

type Q = Orm | Tx;
const TIMELINE_LIMIT = 50;

export type AccountQuery = z.infer<typeof accountQuery>;

/**
 * Accounts by name, city, a contact's name or e-mail address; optionally one
 * phase, one owner, archived or not; sorted by name, time in phase or last
 * activity.
 */
export async function searchAccounts(q: Q, actor: Actor, input: AccountQuery) {
  const term = input.q?.trim().toLowerCase();
  const like = term ? `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const matches = like
    ? sql`(lower(${accounts.name}) like ${like} escape '\\' or lower(coalesce(${accounts.city}, '')) like ${like} escape '\\'
        or exists (select 1 from ${contacts} c where c.account_id = ${accounts.id} and lower(c.first_name || ' ' || c.last_name) like ${like} escape '\\')
        or exists (select 1 from ${contactEmails} e join ${contacts} c2 on c2.id = e.contact_id where c2.account_id = ${accounts.id} and e.email like ${like} escape '\\'))`
    : undefined;
  const staleIds = input.stale ? await staleAccountIds(q, actor) : undefined;
  const order =
    input.sort === 'phaseSince'
      ? asc(accounts.phaseSince)
      : input.sort === 'lastActivity'
        ? sql`${accounts.lastActivityAt} is null, ${accounts.lastActivityAt} desc`
        : asc(accounts.name);
  return q
    .select({
      id: accounts.id,
      name: accounts.name,
      phase: accounts.phase,
      city: accounts.city,
      kind: accounts.kind,
      ownerId: accounts.ownerId,
      phaseSince: accounts.phaseSince,
      lastActivityAt: accounts.lastActivityAt,
      archived: sql<boolean>`${accounts.archivedAt} is not null`,
    })
    .from(accounts)
    .where(
      and(
        eq(accounts.teamId, actor.teamId),
        matches,
        input.phase ? eq(accounts.phase, input.phase) : undefined,
        input.ownerId ? eq(accounts.ownerId, input.ownerId) : undefined,
        input.archived === undefined ? undefined : input.archived ? sql`${accounts.archivedAt} is not null` : sql`${accounts.archivedAt} is null`,
        staleIds ? (staleIds.length ? inArray(accounts.id, staleIds) : sql`0`) : undefined,
      ),
    )
    .orderBy(order)
    .limit(input.limit ?? 50)
    .all();
}

/** The team's stale accounts now: past their phase's 75th percentile, or without activity for 30 days. */
async function staleAccountIds(q: Q, actor: Actor, now = Date.now()) {
  const scope = scopeFor({ ...actor, role: 'manager' }, { from: now - 365 * 86_400_000, to: now });
  const thresholds = await staleThresholds(q as Orm, scope);
  const rows = await (q as Orm).all<{ id: string }>(
    sql`select a.id from accounts a where a.team_id = ${actor.teamId} and a.archived_at is null and ${staleSql(scope, thresholds)} limit 1000`,
  );
  return rows.map((r) => r.id);
}

export async function getAccount(q: Q, actor: Actor, id: string) {
  const byId = { id, teamId: actor.teamId };
  const account = await prepared(q, 'card.account', (d) =>
    d
      .select()
      .from(accounts)
      .where(and(eq(accounts.id, sql.placeholder('id')), eq(accounts.teamId, sql.placeholder('teamId')))),
  ).get(byId);
  if (!account) throw notFound('Account');
  const ofAccount = <T extends { accountId: unknown }>(t: T) => eq(t.accountId as typeof contacts.accountId, sql.placeholder('id'));
  const [people, emails, timeline, changes, open, opps, types] = await Promise.all([
    prepared(q, 'card.contacts', (d) => d.select().from(contacts).where(ofAccount(contacts)).orderBy(asc(contacts.createdAt))).all(byId),
    prepared(q, 'card.emails', (d) =>
      d
        .select({ contactId: contactEmails.contactId, email: contactEmails.email })
        .from(contactEmails)
        .innerJoin(contacts, eq(contacts.id, contactEmails.contactId))
        .where(ofAccount(contacts)),
    ).all(byId),
    prepared(q, 'card.activities', (d) =>
      d.select().from(activities).where(ofAccount(activities)).orderBy(desc(activities.occurredAt)).limit(TIMELINE_LIMIT),
    ).all(byId),
    // with the name of who moved it: the card's history shows them too
    prepared(q, 'card.changes', (d) =>
      d
        .select({ ...getTableColumns(phaseChanges), byName: users.name })
        .from(phaseChanges)
        .leftJoin(users, eq(users.id, phaseChanges.byUserId))
        .where(ofAccount(phaseChanges))
        .orderBy(asc(phaseChanges.at)),
    ).all(byId),
    prepared(q, 'card.proposals', (d) =>
      d
        .select()
        .from(proposals)
        .where(and(ofAccount(proposals), eq(proposals.status, 'open'))),
    ).all(byId),
    prepared(q, 'card.opportunities', (d) => d.select().from(opportunities).where(ofAccount(opportunities)).orderBy(desc(opportunities.createdAt))).all(byId),
    // each type the account has, with its latest time that is not in the future (the last contact, care.ts)
    prepared(q, 'card.types', (d) =>
      d
        .select({
          type: activities.type,
          lastAt: sql<number | null>`max(case when ${activities.occurredAt} <= ${sql.placeholder('now')} then ${activities.occurredAt} end)`,
        })
        .from(activities)
        .where(ofAccount(activities))
        .groupBy(activities.type),
    ).all({ ...byId, now: Date.now() }),
  ]);
  const contactList = people.map((c) => {
    const mine = emails.filter((e) => e.contactId === c.id).map((e) => e.email);
    return {
      id: c.id,
      name: fullName(c),
      firstName: c.firstName,
      lastName: c.lastName,
      email: mine[0] ?? null,
      emails: mine,
      phone: c.phone,
      headline: c.headline,
      location: c.location,
      linkedinUrl: c.linkedinUrl,
      role: c.role,
    };
  });
  const gaps = checklistGaps(account.phase, {
    account,
    contacts: contactList,
    activityTypes: new Set(types.map((t) => t.type as ActivityType)),
  });
  // the matching key is the server's own (name-key.ts), not part of the account a rep sees
  const { nameKey: _k, ...record } = account;
  return {
    ...record,
    archived: account.archivedAt !== null,
    contacts: contactList,
    activities: timeline.map(({ teamId: _t, ...a }) => a),
    phaseChanges: changes.map(({ teamId: _t, byName: _b, ...c }) => c),
    proposal: open.sort((a, b) => b.createdAt - a.createdAt)[0] ?? null,
    opportunities: opps,
    care: await careOf(q, id, account.lastReviewAt, {
      firstCustomerAt: changes.find((c) => c.to === CUSTOMER_PHASE)?.at ?? null,
      lastContactAt: lastContactAt(types),
    }),
    history: await accountHistory(
      q,
      actor.teamId,
      id,
      changes.map((c) => ({ kind: 'moved' as const, at: c.at, by: c.byName, from: c.from, to: c.to, reason: c.reason, note: c.note })),
    ),
    gaps: gaps.map((g) => ({ key: g.key, label: g.label, fill: g.fill, activityType: g.activityType ?? null })),
  };
}
export type AccountView = Awaited<ReturnType<typeof getAccount>>;

/**
 * What the team knows about the person or company on a LinkedIn page. A
 * person not known by their profile, at a known company that has a contact
 * of the same name without a profile (met by e-mail), is proposed as that
 * contact — linked in one click, never merged silently.
 */
export async function lookupLinkedIn(
  q: Q,
  actor: Actor,
  input: { profileUrl?: string; memberId?: string; companyUrl?: string; companyName?: string; name?: string },
) {
  // a page opened at nl.linkedin.com, with a slash or a query, is the profile captured at www.linkedin.com
  const by = {
    ...input,
    profileUrl: input.profileUrl && normalizeProfileUrl(input.profileUrl),
    companyUrl: input.companyUrl && normalizeCompanyUrl(input.companyUrl),
  };
  const contact = by.profileUrl || by.memberId ? await findContact(q, actor.teamId, { linkedinUrl: by.profileUrl, memberId: by.memberId }) : undefined;
  if (contact) return { matchedBy: 'person' as const, contactId: contact.id, proposedContact: null, account: await getAccount(q, actor, contact.accountId) };
  const account = await findAccount(q, actor.teamId, { linkedinCompanyUrl: by.companyUrl, name: by.companyName });
  if (account) {
    const same = by.name ? await findContactByName(q, account.id, by.name, 'linkedin') : undefined;
    return {
      matchedBy: 'company' as const,
      contactId: null,
      proposedContact: same ? { id: same.id, name: fullName(same) } : null,
      account: await getAccount(q, actor, account.id),
    };
  }
  return { matchedBy: null, contactId: null, proposedContact: null, account: null };
}

/**
 * Per e-mail participant: the known contact; or the account of their company
 * (by domain, or by a company name that is the domain's) — and when that
 * account has a contact of the same name without an address (met on
 * LinkedIn), that contact is proposed as this person, confirmed in one click.
 * Never merged silently.
 */
export async function lookupEmails(q: Q, actor: Actor, people: { email: string; name?: string }[]) {
  const participants = [];
  const accountIds = new Set<string>();
  for (const p of people) {
    const contact = await findContact(q, actor.teamId, { email: p.email });
    const free = isFreeMail(p.email);
    const account = contact ? undefined : await findAccountForAddress(q, actor.teamId, p.email);
    const sameName = account && p.name ? await findContactByName(q, account.id, p.name, 'email') : undefined;
    const accountId = contact?.accountId ?? account?.id ?? null;
    if (accountId) accountIds.add(accountId);
    participants.push({
      email: p.email,
      name: p.name ?? '',
      contactId: contact?.id ?? null,
      accountId,
      matchedBy: contact ? ('email' as const) : sameName ? ('name' as const) : account ? ('domain' as const) : null,
      proposedContact: sameName ? { id: sameName.id, name: fullName(sameName) } : null,
      freeMail: free,
    });
  }
  const views = await Promise.all([...accountIds].map((id) => getAccount(q, actor, id)));
  return { participants, accounts: views };
}
