/**
 * One-click capture: a LinkedIn person or company, or an e-mail sender,
 * becomes an account with a contact and a first phase, matched against what
 * the team already has instead of making a duplicate.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { accounts, contacts } from '../db/schema';
import { FIRST_PHASE, entryPhase } from '../../shared/phases';
import type { LinkedInCompany, LinkedInPerson, Person } from '../../shared/schemas';
import { splitName } from '../../shared/names';
import type { Actor } from './actor';
import { findAccount, findContact, findContactByName } from './matching';
import { addContact, addContactEmail, createAccount } from './records/accounts';
import { insertActivity } from './records/activities';
import { isFreeMail, nameFromAddress, nameFromDomain } from './free-mail';
import { domainOf } from '../../shared/email';
import { normalizeCompanyUrl, normalizeProfileUrl } from '../../shared/linkedin-urls';
import { recordCaptureHealth } from './capture-health';
import { recordEvent } from './trail';
import { DomainError, notFound } from './errors';

export interface CaptureResult {
  accountId: string;
  contactId?: string;
  createdAccount: boolean;
  createdContact: boolean;
}

export async function captureLinkedInPerson(tx: Tx, actor: Actor, input: LinkedInPerson & { linkContactId?: string }): Promise<CaptureResult> {
  const { linkContactId, ...person } = input;
  const p = { ...person, profileUrl: normalizeProfileUrl(person.profileUrl), companyUrl: person.companyUrl && normalizeCompanyUrl(person.companyUrl) };
  await recordCaptureHealth(tx, actor, p);
  const known = await findContact(tx, actor.teamId, { linkedinUrl: p.profileUrl, memberId: p.memberId });
  if (known) return { accountId: known.accountId, contactId: known.id, createdAccount: false, createdContact: false };
  if (linkContactId) return linkProfile(tx, actor, linkContactId, p);
  const account = await findAccount(tx, actor.teamId, { linkedinCompanyUrl: p.companyUrl, name: p.companyName });
  let createdAccount = false;
  const accountId =
    account?.id ??
    ((createdAccount = true),
    await createAccount(
      tx,
      actor,
      {
        kind: p.companyName ? 'company' : 'person',
        name: p.companyName ?? p.name,
        city: p.city,
        country: p.country,
        linkedinCompanyUrl: p.companyUrl,
        source: 'LinkedIn',
      },
      FIRST_PHASE,
      { type: 'linkedin_capture', sourceKey: `linkedin:${p.profileUrl}` },
    ));
  const names = p.firstName || p.lastName ? { firstName: p.firstName, lastName: p.lastName } : splitName(p.name);
  const contactId = await addContact(tx, actor, accountId, {
    ...names,
    headline: p.headline,
    location: p.location,
    linkedinUrl: p.profileUrl,
    linkedinMemberId: p.memberId,
    photoUrl: p.photoUrl,
  });
  if (!createdAccount) {
    // a new person at a known account is still a logged capture, keyed by their profile
    await insertActivity(tx, actor, { accountId, contactId, type: 'linkedin_capture', sourceKey: `linkedin:${p.profileUrl}` });
    await recordEvent(tx, actor, accountId, 'contact_added', { contactId, source: 'LinkedIn' });
  }
  return { accountId, contactId, createdAccount, createdContact: true };
}

/** The rep confirmed that this profile is a contact met earlier (by e-mail): the profile joins that contact. */
async function linkProfile(tx: Tx, actor: Actor, contactId: string, p: LinkedInPerson): Promise<CaptureResult> {
  const contact = await tx.query.contacts.findFirst({ where: and(eq(contacts.id, contactId), eq(contacts.teamId, actor.teamId)) });
  if (!contact) throw notFound('Contact');
  if (contact.linkedinUrl) throw new DomainError('CONFLICT', 'This contact has a LinkedIn profile already');
  await tx
    .update(contacts)
    .set({
      linkedinUrl: p.profileUrl,
      linkedinMemberId: p.memberId ?? null,
      headline: contact.headline ?? p.headline ?? null,
      location: contact.location ?? p.location ?? null,
      photoUrl: contact.photoUrl ?? p.photoUrl ?? null,
    })
    .where(eq(contacts.id, contact.id));
  await insertActivity(tx, actor, { accountId: contact.accountId, contactId: contact.id, type: 'linkedin_capture', sourceKey: `linkedin:${p.profileUrl}` });
  await recordEvent(tx, actor, contact.accountId, 'contact_edited', { contactId: contact.id, fields: ['linkedin'] });
  return { accountId: contact.accountId, contactId: contact.id, createdAccount: false, createdContact: false };
}

export async function captureLinkedInCompany(tx: Tx, actor: Actor, input: LinkedInCompany): Promise<CaptureResult> {
  const c = { ...input, companyUrl: normalizeCompanyUrl(input.companyUrl) };
  await recordCaptureHealth(tx, actor, c);
  const known = await findAccount(tx, actor.teamId, { linkedinCompanyUrl: c.companyUrl, name: c.name });
  if (known) {
    if (!known.linkedinCompanyUrl) await tx.update(accounts).set({ linkedinCompanyUrl: c.companyUrl }).where(eq(accounts.id, known.id));
    return { accountId: known.id, createdAccount: false, createdContact: false };
  }
  const website = c.website ? new URL(c.website) : undefined;
  const accountId = await createAccount(
    tx,
    actor,
    {
      kind: 'company',
      name: c.name,
      city: c.city,
      country: c.country,
      tagline: c.tagline,
      industry: c.industry,
      size: c.size,
      website: c.website,
      emailDomain: website?.hostname.replace(/^www\./, ''),
      linkedinCompanyUrl: c.companyUrl,
      source: 'LinkedIn',
    },
    FIRST_PHASE,
    { type: 'linkedin_capture', sourceKey: `linkedin:${c.companyUrl}` },
  );
  return { accountId, createdAccount: true, createdContact: false };
}

/**
 * An e-mail participant: a known address is returned as is; a new address
 * at a known company domain becomes a contact there; otherwise a new account
 * named from the domain (a person account for free-mail senders). Someone who
 * wrote to us starts as a prospect; someone we only wrote to, as a suspect.
 */
export async function captureEmailContact(tx: Tx, actor: Actor, input: Person & { wroteToUs: boolean; sourceKey: string }): Promise<CaptureResult> {
  const known = await findContact(tx, actor.teamId, { email: input.email });
  if (known) return { accountId: known.accountId, contactId: known.id, createdAccount: false, createdContact: false };
  const domain = domainOf(input.email);
  const free = isFreeMail(input.email);
  const name = input.name?.trim() || nameFromAddress(input.email);
  const existing = free ? undefined : await findAccount(tx, actor.teamId, { domain, name: nameFromDomain(domain) });
  if (existing && !existing.emailDomain) await tx.update(accounts).set({ emailDomain: domain }).where(eq(accounts.id, existing.id));
  const sameName = existing ? await findContactByName(tx, existing.id, name) : undefined;
  if (sameName) {
    // the person captured from LinkedIn now writes by e-mail: one contact, not two
    await addContactEmail(tx, actor, existing!.id, sameName.id, input.email);
    return { accountId: existing!.id, contactId: sameName.id, createdAccount: false, createdContact: false };
  }
  let createdAccount = false;
  const accountId =
    existing?.id ??
    ((createdAccount = true),
    await createAccount(
      tx,
      actor,
      free ? { kind: 'person', name, source: 'Gmail' } : { kind: 'company', name: nameFromDomain(domain), emailDomain: domain, source: 'Gmail' },
      entryPhase(input.wroteToUs),
      { type: 'note', sourceKey: input.sourceKey },
    ));
  const contactId = await addContact(tx, actor, accountId, splitName(name), input.email);
  return { accountId, contactId, createdAccount, createdContact: true };
}
