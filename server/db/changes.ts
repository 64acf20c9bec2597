/**
 * What a transaction changed that the reporting tables must follow. Records
 * note their changes here as they write; the domain's projections apply them
 * once, at the end of the transaction (`server/domain/transact.ts`): one
 * checklist recount per account, one day count per day and type, however
 * many rows the use case wrote. `openDb`'s `write` refuses to commit a
 * transaction whose changes nobody applied, so a write path that forgot its
 * projections fails at once instead of leaving the figures stale.
 */
import type { ActivityType, PhaseId } from '../../shared/phases';
import type { ActivityData } from '../../shared/schemas';

export type Change =
  | { kind: 'activity'; teamId: string; accountId: string; userId: string; type: ActivityType; occurredAt: number; data: ActivityData }
  | { kind: 'activity-removed'; teamId: string; accountId: string; userId: string; type: ActivityType; occurredAt: number }
  /** a new account's first phases (the one it starts in and those it skipped): written in bulk */
  | { kind: 'created'; teamId: string; accountId: string; ownerId: string | null; phases: PhaseId[]; at: number }
  /** the phases an event moved an account into: its target and those it skipped */
  | { kind: 'reached'; teamId: string; accountId: string; ownerId: string | null; phases: PhaseId[]; at: number }
  /** a stay that a move ended */
  | { kind: 'stay-ended'; teamId: string; ownerId: string | null; phase: PhaseId; since: number; at: number }
  /** a move taken back: its reaches go, the reaches and the stay it ended are open again */
  | { kind: 'move-undone'; teamId: string; accountId: string; ownerId: string | null; from: PhaseId; fromSince: number; at: number }
  /** something a checklist reads (facts, contacts, phase, activities) changed on this account */
  | { kind: 'checklist'; accountId: string };

const pending = new WeakMap<object, Change[]>();

/** Notes a change of this transaction for its projections. */
export function noteChange(tx: object, change: Change) {
  const list = pending.get(tx);
  if (list) list.push(change);
  else pending.set(tx, [change]);
}

/** The changes noted so far, handed over once: the caller applies them. */
export function takeChanges(tx: object): Change[] {
  const list = pending.get(tx) ?? [];
  pending.delete(tx);
  return list;
}

export const hasPendingChanges = (tx: object) => (pending.get(tx)?.length ?? 0) > 0;
