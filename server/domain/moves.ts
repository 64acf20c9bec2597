/**
 * Phase changes: appended as events, never edited. Every move goes through
 * `applyMove`, which records the event, updates the account's current phase
 * and closes proposals that the move has overtaken.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { accounts, phaseChanges, proposals } from '../db/schema';
import { noteChange } from '../db/changes';
import { classifyMove, phaseIndex, type PhaseId } from '../../shared/phases';
import { newId, type Actor } from './actor';
import { DomainError } from './errors';
import { loadAccount } from './records/accounts';
import { openProposals } from './records/proposals';
import { recordEvent } from './trail';

export interface MoveInput {
  accountId: string;
  to: PhaseId;
  reason?: string;
  note?: string;
  evidenceActivityId?: string;
  at?: number;
}

export async function applyMove(tx: Tx, actor: Actor, input: MoveInput) {
  const account = await loadAccount(tx, actor, input.accountId);
  if (account.archivedAt) throw new DomainError('BAD_REQUEST', 'This account is archived; restore it before moving it');
  const move = classifyMove(account.phase, input.to);
  if (move.kind === 'none') throw new DomainError('BAD_REQUEST', `The account is already in ${input.to}`);
  if (move.kind === 'back') {
    if (!input.reason) throw new DomainError('BAD_REQUEST', 'A move back needs a reason');
    if (!(move.reasons as string[]).includes(input.reason)) {
      throw new DomainError('BAD_REQUEST', `"${input.reason}" is not a reason for moving from ${account.phase} to ${input.to}`);
    }
  }
  const at = input.at ?? Date.now();
  await tx.insert(phaseChanges).values({
    id: newId(),
    teamId: actor.teamId,
    accountId: account.id,
    from: account.phase,
    to: input.to,
    at,
    byUserId: actor.userId,
    reason: input.reason ?? null,
    note: input.note ?? null,
    evidenceActivityId: input.evidenceActivityId ?? null,
    skipped: move.kind === 'forward' ? move.skipped : [],
    fromSince: account.phaseSince,
  });
  await tx.update(accounts).set({ phase: input.to, phaseSince: at }).where(eq(accounts.id, account.id));
  const moved = { teamId: actor.teamId, accountId: account.id, ownerId: account.ownerId };
  noteChange(tx, { kind: 'reached', ...moved, phases: [...(move.kind === 'forward' ? move.skipped : []), input.to], at });
  noteChange(tx, { kind: 'stay-ended', ...moved, phase: account.phase, since: account.phaseSince, at });
  noteChange(tx, { kind: 'checklist', accountId: account.id });
  await closeOvertakenProposals(tx, account.id, input.to);
  return { from: account.phase, to: input.to, skipped: move.kind === 'forward' ? move.skipped : [] };
}

/** A proposal to a phase the account has reached or passed no longer asks anything. */
async function closeOvertakenProposals(tx: Tx, accountId: string, now: PhaseId) {
  for (const p of await openProposals(tx, accountId).get()) {
    if (phaseIndex(p.to) <= phaseIndex(now)) {
      await tx.update(proposals).set({ status: 'dismissed' }).where(eq(proposals.id, p.id));
    }
  }
}

export async function archiveAccount(tx: Tx, actor: Actor, input: { accountId: string; reason: string; note?: string }) {
  const account = await loadAccount(tx, actor, input.accountId);
  if (account.archivedAt) return { archived: true };
  await tx
    .update(accounts)
    .set({ archivedAt: Date.now(), archiveReason: input.note ? `${input.reason}: ${input.note}` : input.reason })
    .where(eq(accounts.id, account.id));
  await recordEvent(tx, actor, account.id, 'archived', { reason: input.reason });
  return { archived: true };
}

export async function restoreAccount(tx: Tx, actor: Actor, input: { accountId: string }) {
  const account = await loadAccount(tx, actor, input.accountId);
  if (!account.archivedAt) return { archived: false };
  await tx.update(accounts).set({ archivedAt: null, archiveReason: null }).where(eq(accounts.id, account.id));
  await recordEvent(tx, actor, account.id, 'restored');
  return { archived: false };
}
