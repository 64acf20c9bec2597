/** Filling checklist gaps in place: account fields and facts, contact roles, the next step. */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { accounts, contactEmails, contacts, users } from '../db/schema';
import type { DecisionRole } from '../../shared/phases';
import type { AccountPatch } from '../../shared/schemas';
import type { Actor } from './actor';
import { loadAccount } from './records/accounts';
import { DomainError, notFound } from './errors';
import { noteChange } from '../db/changes';
import { recordEvent } from './trail';
import { requireRole } from './roles';
import { splitName } from '../../shared/names';
import { named } from '../db/name-key';

export async function updateAccount(tx: Tx, actor: Actor, input: { accountId: string; patch: AccountPatch }) {
  const account = await loadAccount(tx, actor, input.accountId);
  const { facts, ...fields } = input.patch;
  await tx
    .update(accounts)
    .set({ ...fields, ...(facts ? { facts: { ...account.facts, ...facts } } : {}) })
    .where(eq(accounts.id, account.id));
  noteChange(tx, { kind: 'checklist', accountId: account.id });
  await recordEvent(tx, actor, account.id, 'edited', { fields: [...Object.keys(fields), ...Object.keys(facts ?? {}).map((f) => `facts.${f}`)] });
  return { accountId: account.id };
}

/** A manager or admin hands an account to another account manager of the team (or to nobody). */
export async function setOwner(tx: Tx, actor: Actor, input: { accountId: string; ownerId: string | null }) {
  requireRole(actor, 'manager', 'reassign accounts');
  const account = await loadAccount(tx, actor, input.accountId);
  if (input.ownerId) {
    const owner = await tx.query.users.findFirst({ where: and(eq(users.id, input.ownerId), eq(users.teamId, actor.teamId)) });
    if (!owner) throw notFound('User');
  }
  if (account.ownerId === input.ownerId) return { accountId: account.id, ownerId: input.ownerId };
  await tx.update(accounts).set({ ownerId: input.ownerId }).where(eq(accounts.id, account.id));
  await recordEvent(tx, actor, account.id, 'owner_changed', { from: account.ownerId, to: input.ownerId });
  return { accountId: account.id, ownerId: input.ownerId };
}

export async function setContactRole(tx: Tx, actor: Actor, input: { contactId: string; role: DecisionRole }) {
  const r = await tx
    .update(contacts)
    .set({ role: input.role })
    .where(and(eq(contacts.id, input.contactId), eq(contacts.teamId, actor.teamId)))
    .returning({ accountId: contacts.accountId });
  if (!r[0]) throw notFound('Contact');
  noteChange(tx, { kind: 'checklist', accountId: r[0].accountId });
  await recordEvent(tx, actor, r[0].accountId, 'contact_edited', { contactId: input.contactId, fields: ['role'] });
  return { accountId: r[0].accountId };
}

/** Gives a contact an e-mail address or phone number, filling the prospect checklist's contact channel. */
export async function addContactChannel(tx: Tx, actor: Actor, input: { contactId: string; email?: string; phone?: string }) {
  const contact = await tx.query.contacts.findFirst({ where: and(eq(contacts.id, input.contactId), eq(contacts.teamId, actor.teamId)) });
  if (!contact) throw notFound('Contact');
  if (!input.email && !input.phone) throw new DomainError('BAD_REQUEST', 'Give an e-mail address or a phone number');
  if (input.email) {
    const taken = await tx.query.contactEmails.findFirst({ where: and(eq(contactEmails.teamId, actor.teamId), eq(contactEmails.email, input.email)) });
    if (taken && taken.contactId !== contact.id) throw new DomainError('CONFLICT', `${input.email} already belongs to another contact`);
    if (!taken) await tx.insert(contactEmails).values({ teamId: actor.teamId, email: input.email, contactId: contact.id });
  }
  if (input.phone) await tx.update(contacts).set({ phone: input.phone }).where(eq(contacts.id, contact.id));
  noteChange(tx, { kind: 'checklist', accountId: contact.accountId });
  await recordEvent(tx, actor, contact.accountId, 'contact_edited', {
    contactId: contact.id,
    fields: [input.email ? 'email' : null, input.phone ? 'phone' : null].filter(Boolean),
  });
  return { accountId: contact.accountId };
}

/**
 * Corrects what a capture stored, after the fact: the person's name and
 * headline, and the name of their account. On the trail as edits.
 */
export async function correctContact(tx: Tx, actor: Actor, input: { contactId: string; name?: string; headline?: string; companyName?: string }) {
  const contact = await tx.query.contacts.findFirst({ where: and(eq(contacts.id, input.contactId), eq(contacts.teamId, actor.teamId)) });
  if (!contact) throw notFound('Contact');
  const fields: string[] = [];
  const set: Partial<typeof contacts.$inferInsert> = {};
  if (input.name !== undefined) {
    Object.assign(set, splitName(input.name));
    fields.push('name');
  }
  if (input.headline !== undefined) {
    set.headline = input.headline || null;
    fields.push('headline');
  }
  if (!fields.length && input.companyName === undefined) throw new DomainError('BAD_REQUEST', 'Nothing to correct');
  if (fields.length) await tx.update(contacts).set(set).where(eq(contacts.id, contact.id));
  if (input.companyName !== undefined) {
    await tx
      .update(accounts)
      .set(named(input.companyName))
      .where(and(eq(accounts.id, contact.accountId), eq(accounts.teamId, actor.teamId)));
    await recordEvent(tx, actor, contact.accountId, 'edited', { fields: ['name'] });
  }
  if (fields.length) await recordEvent(tx, actor, contact.accountId, 'contact_edited', { contactId: contact.id, fields });
  return { accountId: contact.accountId, contactId: contact.id };
}
