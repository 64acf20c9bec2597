/** Writes a history with chosen times through the domain functions, for report tests and demo data. */
import type { Db, Tx } from '../../server/db/client';
import type { Actor } from '../../server/domain/actor';
import { createAccount } from '../../server/domain/capture';
import { insertActivity } from '../../server/domain/activities';
import { applyMove } from '../../server/domain/moves';
import type { ActivityType, BackReason, PhaseId } from '../../shared/phases';
import type { ActivityData } from '../../shared/schemas';

export const DAY = 86_400_000;
export const D0 = Date.UTC(2026, 0, 1);
export const day = (n: number) => D0 + n * DAY;

let seq = 0;
const key = () => `history:${++seq}`;

export function historyWriter(db: Db) {
  return {
    create: (actor: Actor, name: string, phase: PhaseId, at: number, type: 'linkedin_capture' | 'form' = 'linkedin_capture') =>
      db.write((tx) => createAccount(tx, actor, { name, source: type === 'form' ? 'Web form' : 'LinkedIn' }, phase, { type, sourceKey: key() }, at)),
    activity: (actor: Actor, accountId: string, type: ActivityType, at: number, data: ActivityData = {}) =>
      db.write(async (tx: Tx) => (await insertActivity(tx, actor, { accountId, type, occurredAt: at, data, sourceKey: key() })).activity.id),
    /** a move, backed by an evidence activity when one is given */
    move: (actor: Actor, accountId: string, to: PhaseId, at: number, evidence?: { type: ActivityType; at?: number; data?: ActivityData }, reason?: BackReason) =>
      db.write(async (tx: Tx) => {
        const evidenceActivityId = evidence
          ? (await insertActivity(tx, actor, { accountId, type: evidence.type, occurredAt: evidence.at ?? at, data: evidence.data ?? {}, sourceKey: key() })).activity.id
          : undefined;
        return applyMove(tx, actor, { accountId, to, at, evidenceActivityId, reason });
      }),
  };
}
