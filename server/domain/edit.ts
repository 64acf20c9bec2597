/** Filling checklist gaps in place: account fields and facts, contact roles, the next step. */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { accounts, contacts } from '../db/schema';
import type { DecisionRole } from '../../shared/phases';
import type { AccountPatch } from '../../shared/schemas';
import type { Actor } from './actor';
import { loadAccount } from './moves';
import { notFound } from './errors';
import { refreshGaps } from './checklist';


export async function updateAccount(tx: Tx, actor: Actor, input: { accountId: string; patch: AccountPatch }) {
  const account = await loadAccount(tx, actor, input.accountId);
  const { facts, ...fields } = input.patch;
  await tx
    .update(accounts)
    .set({ ...fields, ...(facts ? { facts: { ...account.facts, ...facts } } : {}) })
    .where(eq(accounts.id, account.id));
  await refreshGaps(tx, account.id);
  return { accountId: account.id };
}

export async function setContactRole(tx: Tx, actor: Actor, input: { contactId: string; role: DecisionRole }) {
  const r = await tx
    .update(contacts)
    .set({ role: input.role })
    .where(and(eq(contacts.id, input.contactId), eq(contacts.teamId, actor.teamId)))
    .returning({ accountId: contacts.accountId });
  if (!r[0]) throw notFound('Contact');
  await refreshGaps(tx, r[0].accountId);
  return { accountId: r[0].accountId };
}
