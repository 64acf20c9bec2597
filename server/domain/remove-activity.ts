/**
 * Taking an activity back out, with everything derived from it: its day
 * count, the account's last-activity time and checklist count, and a
 * proposal it raised that is still open. An activity that is the evidence of
 * a phase move (or of an accepted proposal) stays: the move was consented to.
 */
import { and, eq, max, sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { accounts, activities, activityDaily, phaseChanges, proposals } from '../db/schema';
import { DAY_MS } from '../../shared/phases';
import { refreshGaps } from './checklist';

export async function removeActivity(tx: Tx, a: typeof activities.$inferSelect): Promise<boolean> {
  const evidence = await tx.select({ id: phaseChanges.id }).from(phaseChanges).where(eq(phaseChanges.evidenceActivityId, a.id)).get();
  const accepted = await tx
    .select({ id: proposals.id })
    .from(proposals)
    .where(and(eq(proposals.evidenceActivityId, a.id), eq(proposals.status, 'accepted')))
    .get();
  if (evidence || accepted) return false;
  await tx.delete(proposals).where(eq(proposals.evidenceActivityId, a.id));
  await tx
    .update(activityDaily)
    .set({ count: sql`max(${activityDaily.count} - 1, 0)` })
    .where(
      and(
        eq(activityDaily.teamId, a.teamId),
        eq(activityDaily.day, Math.floor(a.occurredAt / DAY_MS)),
        eq(activityDaily.userId, a.loggedBy),
        eq(activityDaily.type, a.type),
      ),
    );
  await tx.delete(activities).where(eq(activities.id, a.id));
  const last = await tx
    .select({ at: max(activities.occurredAt) })
    .from(activities)
    .where(eq(activities.accountId, a.accountId))
    .get();
  await tx
    .update(accounts)
    .set({ lastActivityAt: last?.at ?? null })
    .where(eq(accounts.id, a.accountId));
  await refreshGaps(tx, a.accountId);
  return true;
}
