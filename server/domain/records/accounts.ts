/**
 * Account and contact rows, and a new account's first phase. Rules live in
 * the use cases that call these; what a write changes for the reporting
 * tables is noted for the transaction's projections, not written here.
 */
import { and, eq, sql } from 'drizzle-orm';
import { prepared } from '../../db/prepared';
import { insertRow } from '../../db/bulk-insert';
import type { Tx } from '../../db/client';
import { accounts, contactEmails, contacts, phaseChanges } from '../../db/schema';
import { noteChange } from '../../db/changes';
import { named } from '../../db/name-key';
import { skippedOnCreate, type PhaseId } from '../../../shared/phases';
import { newId, type Actor } from '../actor';
import { notFound } from '../errors';
import { insertActivity, type ActivityInput } from './activities';

/** The account, if it belongs to the actor's team. */
export async function loadAccount(tx: Tx, actor: Actor, accountId: string) {
  const account = await prepared(tx, 'accounts.load', (d) =>
    d
      .select()
      .from(accounts)
      .where(and(eq(accounts.id, sql.placeholder('accountId')), eq(accounts.teamId, sql.placeholder('teamId')))),
  ).get({ accountId, teamId: actor.teamId });
  if (!account) throw notFound('Account');
  return account;
}

type NewAccount = Omit<typeof accounts.$inferInsert, 'id' | 'teamId' | 'phase' | 'phaseSince' | 'nameKey'>;

/** A new account with its first phase, and the activity that created it (its evidence). */
export async function createAccount(
  tx: Tx,
  actor: Actor,
  values: NewAccount,
  phase: PhaseId,
  evidence: { type: 'linkedin_capture' | 'email_in' | 'note' | 'form'; sourceKey: string } & Pick<ActivityInput, 'direction' | 'subject' | 'snippet' | 'data'>,
  at = Date.now(),
) {
  const id = newId();
  const row = { ownerId: actor.userId, ...values, ...named(values.name), id, teamId: actor.teamId, phase, phaseSince: at, createdAt: at };
  await insertRow(tx, accounts, row);
  const ownerId = row.ownerId ?? null;
  const { activity } = await insertActivity(tx, actor, { ...evidence, accountId: id, occurredAt: at });
  await recordCreation(tx, actor, { accountId: id, ownerId }, phase, at, activity.accountId === id ? activity.id : undefined);
  noteChange(tx, { kind: 'checklist', accountId: id });
  return id;
}

/** Records the first phase of a new account; phases it starts beyond count as skipped. */
async function recordCreation(tx: Tx, actor: Actor, a: { accountId: string; ownerId: string | null }, to: PhaseId, at: number, evidenceActivityId?: string) {
  const { reaches, change } = creationRows(actor, a, to, at, evidenceActivityId);
  noteChange(tx, { kind: 'created', teamId: actor.teamId, accountId: a.accountId, ownerId: a.ownerId, phases: reaches, at });
  await insertRow(tx, phaseChanges, change);
}

/** What a new account's first phase records: the phases it reached, and its first phase change (also written in bulk by an import). */
export function creationRows(actor: Actor, a: { accountId: string; ownerId: string | null }, to: PhaseId, at: number, evidenceActivityId?: string) {
  const skipped = skippedOnCreate(to);
  return {
    reaches: [...skipped, to],
    change: { id: newId(), teamId: actor.teamId, accountId: a.accountId, from: null, to, at, byUserId: actor.userId, evidenceActivityId, skipped },
  };
}

/** A new contact at the account, with its e-mail address when there is one. */
export async function addContact(
  tx: Tx,
  actor: Actor,
  accountId: string,
  values: Omit<typeof contacts.$inferInsert, 'id' | 'teamId' | 'accountId'>,
  email?: string,
) {
  const id = newId();
  await insertRow(tx, contacts, { ...values, id, teamId: actor.teamId, accountId });
  if (email) await addContactEmail(tx, actor, accountId, id, email);
  noteChange(tx, { kind: 'checklist', accountId });
  return id;
}

/** Another address for a contact (kept once per team). */
export async function addContactEmail(tx: Tx, actor: Actor, accountId: string, contactId: string, email: string) {
  await tx.insert(contactEmails).values({ teamId: actor.teamId, email, contactId }).onConflictDoNothing();
  noteChange(tx, { kind: 'checklist', accountId });
}
