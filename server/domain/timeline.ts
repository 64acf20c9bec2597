/**
 * Writing history with chosen times, through the same domain functions a
 * user's clicks go through: for the demo team and for report tests.
 */
import type { Db, Tx } from '../db/client';
import type { ActivityType, BackReason, PhaseId } from '../../shared/phases';
import type { ActivityData } from '../../shared/schemas';
import type { Actor } from './actor';
import { newId } from './actor';
import { createAccount } from './records/accounts';
import { insertActivity } from './records/activities';
import { transact } from './transact';
import { applyMove } from './moves';

export interface AccountSeed {
  name: string;
  source?: string;
  city?: string;
  industry?: string;
  emailDomain?: string;
}

export function timelineWriter(db: Db) {
  const key = () => `history:${newId()}`;
  return {
    create: (actor: Actor, seed: AccountSeed, phase: PhaseId, at: number, type: 'linkedin_capture' | 'form' = 'linkedin_capture') =>
      transact(db, (tx) => createAccount(tx, actor, { source: type === 'form' ? 'Web form' : 'LinkedIn', ...seed }, phase, { type, sourceKey: key() }, at)),
    activity: (actor: Actor, accountId: string, type: ActivityType, at: number, data: ActivityData = {}, subject?: string) =>
      transact(db, async (tx: Tx) => (await insertActivity(tx, actor, { accountId, type, occurredAt: at, data, subject, sourceKey: key() })).activity.id),
    /** a move, backed by an evidence activity when one is given */
    move: (
      actor: Actor,
      accountId: string,
      to: PhaseId,
      at: number,
      evidence?: { type: ActivityType; at?: number; data?: ActivityData },
      reason?: BackReason,
    ) =>
      transact(db, async (tx: Tx) => {
        const evidenceActivityId = evidence
          ? (await insertActivity(tx, actor, { accountId, type: evidence.type, occurredAt: evidence.at ?? at, data: evidence.data ?? {}, sourceKey: key() }))
              .activity.id
          : undefined;
        return applyMove(tx, actor, { accountId, to, at, evidenceActivityId, reason });
      }),
  };
}
