/**
 * Reporting data kept on write, in the same transaction as the change it
 * follows: which phases an account reached when, activity counts per day,
 * and each account's latest activity. Reports read these instead of scanning
 * millions of events.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { accounts, activityDaily, phaseReaches } from '../db/schema';
import { phaseIndex, type ActivityType, type PhaseId } from '../../shared/phases';

export const DAY_MS = 86_400_000;

export async function recordReaches(tx: Tx, r: { teamId: string; accountId: string; ownerId: string | null; phases: PhaseId[]; at: number }) {
  if (!r.phases.length) return;
  await tx.insert(phaseReaches).values(r.phases.map((p) => ({ teamId: r.teamId, accountId: r.accountId, ownerId: r.ownerId, phaseIdx: phaseIndex(p), at: r.at })));
}

export async function countActivity(tx: Tx, a: { teamId: string; accountId: string; userId: string; type: ActivityType; occurredAt: number }) {
  await tx
    .insert(activityDaily)
    .values({ teamId: a.teamId, day: Math.floor(a.occurredAt / DAY_MS), userId: a.userId, type: a.type, count: 1 })
    .onConflictDoUpdate({ target: [activityDaily.teamId, activityDaily.day, activityDaily.userId, activityDaily.type], set: { count: sql`${activityDaily.count} + 1` } });
  await tx
    .update(accounts)
    .set({ lastActivityAt: sql`max(coalesce(${accounts.lastActivityAt}, 0), ${a.occurredAt})` })
    .where(sql`${accounts.id} = ${a.accountId}`);
}
