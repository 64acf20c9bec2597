/**
 * Reporting data kept on write, in the same transaction as the change it
 * follows: which phases an account reached when, activity counts per day,
 * and each account's latest activity. Reports read these instead of scanning
 * millions of events.
 */
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { refreshGaps } from './checklist';
import { accounts, activityDaily, phaseReaches, stayDays } from '../db/schema';
import { DAY_MS, phaseIndex, type ActivityType, type PhaseId } from '../../shared/phases';
import type { ActivityData } from '../../shared/schemas';

/**
 * Records the phases an event moved an account into (its target and the
 * phases it skipped). Earlier reaches of lower phases are marked as left now;
 * so are the skipped ones, which the account passed in the same moment.
 */
export async function recordReaches(tx: Tx, r: { teamId: string; accountId: string; ownerId: string | null; phases: PhaseId[]; at: number }) {
  if (!r.phases.length) return;
  const top = Math.max(...r.phases.map(phaseIndex));
  await tx
    .update(phaseReaches)
    .set({ leftAt: r.at })
    .where(and(eq(phaseReaches.accountId, r.accountId), lt(phaseReaches.phaseIdx, top), isNull(phaseReaches.leftAt)));
  await tx.insert(phaseReaches).values(reachRows(r));
}

/** The reach rows of one event: the target, and the phases it skipped (left in the same moment). */
export function reachRows(r: { teamId: string; accountId: string; ownerId: string | null; phases: PhaseId[]; at: number }) {
  const top = Math.max(...r.phases.map(phaseIndex));
  return r.phases.map((p) => ({
    teamId: r.teamId,
    accountId: r.accountId,
    ownerId: r.ownerId,
    phaseIdx: phaseIndex(p),
    at: r.at,
    leftAt: phaseIndex(p) < top ? r.at : null,
  }));
}

/** One ended stay, counted by its end day and its length in whole days. */
export async function recordStay(tx: Tx, r: { teamId: string; ownerId: string | null; phase: PhaseId; since: number; at: number }) {
  await tx
    .insert(stayDays)
    .values({
      teamId: r.teamId,
      ownerId: r.ownerId ?? '',
      phaseIdx: phaseIndex(r.phase),
      endDay: Math.floor(r.at / DAY_MS),
      days: Math.round((r.at - r.since) / DAY_MS),
      count: 1,
    })
    .onConflictDoUpdate({
      target: [stayDays.teamId, stayDays.endDay, stayDays.phaseIdx, stayDays.days, stayDays.ownerId],
      set: { count: sql`${stayDays.count} + 1` },
    });
}

export async function countActivity(
  tx: Tx,
  a: { teamId: string; accountId: string; userId: string; type: ActivityType; occurredAt: number; data: ActivityData },
) {
  await tx
    .insert(activityDaily)
    .values({ teamId: a.teamId, day: Math.floor(a.occurredAt / DAY_MS), userId: a.userId, type: a.type, count: 1 })
    .onConflictDoUpdate({
      target: [activityDaily.teamId, activityDaily.day, activityDaily.userId, activityDaily.type],
      set: { count: sql`${activityDaily.count} + 1` },
    });
  await tx
    .update(accounts)
    .set({ lastActivityAt: sql`max(coalesce(${accounts.lastActivityAt}, 0), ${a.occurredAt})` })
    .where(sql`${accounts.id} = ${a.accountId}`);
  if (a.type === 'quote') {
    await tx
      .update(accounts)
      .set({ latestQuoteAmount: a.data.amount ?? null, latestQuoteCurrency: a.data.currency ?? 'EUR', latestQuoteAt: a.occurredAt })
      .where(sql`${accounts.id} = ${a.accountId} and coalesce(${accounts.latestQuoteAt}, 0) <= ${a.occurredAt}`);
  }
  if (a.type === 'annual_review') {
    await tx
      .update(accounts)
      .set({ lastReviewAt: sql`max(coalesce(${accounts.lastReviewAt}, 0), ${a.occurredAt})` })
      .where(sql`${accounts.id} = ${a.accountId}`);
  }
}

/** Accounts from before checklist gaps were kept (migration 0002) get theirs counted once, in batches. */
export async function backfillChecklistGaps(db: Db, batch = 500) {
  for (;;) {
    const ids = await db.select({ id: accounts.id }).from(accounts).where(isNull(accounts.checklistGaps)).limit(batch).all();
    if (!ids.length) return;
    await db.write(async (tx) => {
      for (const { id } of ids) await refreshGaps(tx, id);
    });
  }
}
