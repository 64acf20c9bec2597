/**
 * Finding what the team already knows, so that a capture never makes a
 * duplicate: a person by LinkedIn URL or member id, then by e-mail; an
 * account by LinkedIn company URL, e-mail domain, then company name.
 */
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Orm, Tx } from '../db/client';
import { prepared } from '../db/prepared';
import { accounts, contactEmails, contacts } from '../db/schema';
import { fullName } from '../../shared/names';
import { domainOf } from '../../shared/email';
import { isFreeMail, nameFromDomain } from './free-mail';
import { companyKey } from '../db/name-key';

type Q = Orm | Tx;

export async function findContact(q: Q, teamId: string, by: { linkedinUrl?: string; memberId?: string; email?: string }) {
  if (by.linkedinUrl || by.memberId) {
    // one prepared query per combination of what is known (lookups run on every profile the rep opens)
    const key = `contact.li.${by.linkedinUrl ? 'u' : ''}${by.memberId ? 'm' : ''}`;
    const hit = await prepared(q, key, (d) =>
      d
        .select()
        .from(contacts)
        .where(
          and(
            eq(contacts.teamId, sql.placeholder('teamId')),
            or(
              ...[
                by.linkedinUrl ? eq(contacts.linkedinUrl, sql.placeholder('linkedinUrl')) : undefined,
                by.memberId ? eq(contacts.linkedinMemberId, sql.placeholder('memberId')) : undefined,
              ].filter(Boolean),
            ),
          ),
        ),
    ).get({ teamId, linkedinUrl: by.linkedinUrl, memberId: by.memberId });
    if (hit) return hit;
  }
  if (by.email) {
    const row = await prepared(q, 'contact.email', (d) =>
      d
        .select({ c: contacts })
        .from(contactEmails)
        .innerJoin(contacts, eq(contacts.id, contactEmails.contactId))
        .where(and(eq(contactEmails.teamId, sql.placeholder('teamId')), eq(contactEmails.email, sql.placeholder('email')))),
    ).get({ teamId, email: by.email.toLowerCase() });
    if (row) return row.c;
  }
  return undefined;
}

export async function findAccount(q: Q, teamId: string, by: { linkedinCompanyUrl?: string; domain?: string; name?: string }) {
  // each lookup prepared once (db/prepared.ts): the sidebar asks on every profile and thread the rep opens
  const byColumn = async (key: string, column: typeof accounts.linkedinCompanyUrl | typeof accounts.emailDomain, value: string) =>
    prepared(q, key, (d) =>
      d
        .select()
        .from(accounts)
        .where(and(eq(column, sql.placeholder('value')), eq(accounts.teamId, sql.placeholder('teamId')), isNull(accounts.archivedAt)))
        .limit(1),
    ).get({ value, teamId });
  if (by.linkedinCompanyUrl) {
    const hit = await byColumn('account.linkedin', accounts.linkedinCompanyUrl, by.linkedinCompanyUrl);
    if (hit) return hit;
  }
  if (by.domain) {
    const hit = await byColumn('account.domain', accounts.emailDomain, by.domain);
    if (hit) return hit;
  }
  const wanted = by.name ? companyKey(by.name) : '';
  if (wanted) {
    // "Acme BV" = "Acme B.V." = "ACME": the key stored beside the name (name-key.ts), one index lookup
    const hit = await prepared(q, 'account.nameKey', (d) =>
      d
        .select()
        .from(accounts)
        .where(
          and(
            eq(accounts.nameKey, sql.placeholder('key')),
            eq(accounts.teamId, sql.placeholder('teamId')),
            isNull(accounts.archivedAt),
            eq(accounts.kind, 'company'),
          ),
        )
        .limit(1),
    ).get({ key: wanted, teamId });
    if (hit) return hit;
  }
  return undefined;
}

/**
 * A contact of the account with the same full name that lacks the channel we
 * met them on: no e-mail address yet (met on LinkedIn), or no LinkedIn
 * profile yet (met by e-mail). Someone who has one already is someone else.
 */
export async function findContactByName(q: Q, accountId: string, name: string, lacking: 'email' | 'linkedin' = 'email') {
  const people = await q.select().from(contacts).where(eq(contacts.accountId, accountId)).all();
  const wanted = name.trim().toLowerCase();
  for (const c of people) {
    if (fullName(c).toLowerCase() !== wanted) continue;
    if (lacking === 'linkedin') {
      if (!c.linkedinUrl) return c;
      continue;
    }
    const mail = await q.select().from(contactEmails).where(eq(contactEmails.contactId, c.id)).get();
    if (!mail) return c;
  }
  return undefined;
}

/**
 * The account behind an e-mail address at a company: its domain, or (for an
 * account first met on LinkedIn, which has no domain yet) a company whose
 * name is the domain's ("acme.example" ~ "Acme BV"). Free-mail domains name
 * nobody's company.
 */
export function findAccountForAddress(q: Q, teamId: string, email: string) {
  if (isFreeMail(email)) return Promise.resolve(undefined);
  const domain = domainOf(email);
  return findAccount(q, teamId, { domain, name: nameFromDomain(domain) });
}
