/**
 * A true undo of the last phase move, shortly after it was made: the account
 * goes back to where it was, and the reporting tables forget the move as if
 * it never happened (the reaches it added, the stay it ended, the proposal it
 * accepted). Only the user who made the move, within the undo window.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { accounts, phaseChanges, proposals } from '../db/schema';
import { noteChange } from '../db/changes';
import type { Actor } from './actor';
import { DomainError } from './errors';
import { loadAccount } from './records/accounts';

/** The sidebar offers Undo for 10 s; the server allows a little more for a write that waited in the outbox. */
export const UNDO_WINDOW_MS = 60_000;

export async function undoMove(tx: Tx, actor: Actor, input: { accountId: string }, now = Date.now()) {
  const account = await loadAccount(tx, actor, input.accountId);
  const last = await tx.select().from(phaseChanges).where(eq(phaseChanges.accountId, account.id)).orderBy(desc(phaseChanges.at)).limit(1).get();
  if (!last || last.from === null || last.fromSince === null) throw new DomainError('BAD_REQUEST', 'There is no move to undo');
  if (last.byUserId !== actor.userId || now - last.at > UNDO_WINDOW_MS || account.phase !== last.to) {
    throw new DomainError('CONFLICT', 'This move can no longer be undone; move the account yourself');
  }
  // the reporting tables forget it: its reaches go, those it closed and the stay it ended are open again
  noteChange(tx, {
    kind: 'move-undone',
    teamId: actor.teamId,
    accountId: account.id,
    ownerId: account.ownerId,
    from: last.from,
    fromSince: last.fromSince,
    at: last.at,
  });
  if (last.reason?.startsWith('evidence:')) {
    await tx
      .update(proposals)
      .set({ status: 'open' })
      .where(and(eq(proposals.accountId, account.id), eq(proposals.status, 'accepted'), eq(proposals.to, last.to)));
  }
  await tx.delete(phaseChanges).where(eq(phaseChanges.id, last.id));
  await tx.update(accounts).set({ phase: last.from, phaseSince: last.fromSince }).where(eq(accounts.id, account.id));
  noteChange(tx, { kind: 'checklist', accountId: account.id });
  return { accountId: account.id, phase: last.from };
}
