/**
 * Reporting data kept on write, in the same transaction as the change it
 * follows: which phases an account reached when, ended stays, activity counts
 * per day, and each account's latest activity, quote and review. Reports read
 * these instead of scanning millions of events. Applied from the changes the
 * records noted (`apply.ts`), never called by a use case.
 */
import { and, eq, inArray, isNull, lt, max, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { placeholders, prepared } from '../../db/prepared';
import { accounts, activities, activityDaily, phaseReaches, stayDays } from '../../db/schema';
import { DAY_MS, phaseIndex, type ActivityType, type PhaseId } from '../../../shared/phases';
import type { Change } from '../../db/changes';

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

const stayKey = (r: { teamId: string; ownerId: string | null; phase: PhaseId; since: number; at: number }) => ({
  teamId: r.teamId,
  ownerId: r.ownerId ?? '',
  phaseIdx: phaseIndex(r.phase),
  endDay: Math.floor(r.at / DAY_MS),
  days: Math.round((r.at - r.since) / DAY_MS),
});

/** One ended stay, counted by its end day and its length in whole days. */
export async function recordStay(tx: Tx, r: { teamId: string; ownerId: string | null; phase: PhaseId; since: number; at: number }) {
  await tx
    .insert(stayDays)
    .values({ ...stayKey(r), count: 1 })
    .onConflictDoUpdate({
      target: [stayDays.teamId, stayDays.endDay, stayDays.phaseIdx, stayDays.days, stayDays.ownerId],
      set: { count: sql`${stayDays.count} + 1` },
    });
}

/** A move taken back: the reaches it added go, those it closed are open again, and the stay it ended did not end. */
export async function forgetMove(tx: Tx, m: Extract<Change, { kind: 'move-undone' }>) {
  await tx.delete(phaseReaches).where(and(eq(phaseReaches.accountId, m.accountId), eq(phaseReaches.at, m.at)));
  await tx
    .update(phaseReaches)
    .set({ leftAt: null })
    .where(and(eq(phaseReaches.accountId, m.accountId), eq(phaseReaches.leftAt, m.at)));
  const k = stayKey({ ...m, phase: m.from, since: m.fromSince });
  await tx
    .update(stayDays)
    .set({ count: sql`max(${stayDays.count} - 1, 0)` })
    .where(
      and(
        eq(stayDays.teamId, k.teamId),
        eq(stayDays.ownerId, k.ownerId),
        eq(stayDays.phaseIdx, k.phaseIdx),
        eq(stayDays.endDay, k.endDay),
        eq(stayDays.days, k.days),
      ),
    );
}

type Added = Extract<Change, { kind: 'activity' }>;
type Removed = Extract<Change, { kind: 'activity-removed' }>;

/**
 * The activity counts and account columns for a transaction's added and
 * removed activities: one day count per team, day, user and type (net), one
 * update per account, however many activities the transaction wrote.
 */
export async function countActivities(tx: Tx, added: Added[], removed: Removed[]) {
  const counts = new Map<string, { teamId: string; day: number; userId: string; type: ActivityType; delta: number }>();
  const tally = (a: Added | Removed, delta: number) => {
    const day = Math.floor(a.occurredAt / DAY_MS);
    const key = `${a.teamId}|${day}|${a.userId}|${a.type}`;
    const c = counts.get(key);
    if (c) c.delta += delta;
    else counts.set(key, { teamId: a.teamId, day, userId: a.userId, type: a.type, delta });
  };
  for (const a of added) tally(a, 1);
  for (const a of removed) tally(a, -1);
  for (const c of counts.values()) {
    if (c.delta > 0) {
      // every logged activity adds here: built once per process (db/prepared.ts)
      await prepared(tx, 'activityDaily.add', (d) =>
        d
          .insert(activityDaily)
          .values(placeholders<typeof activityDaily.$inferInsert>(['teamId', 'day', 'userId', 'type', 'count']))
          .onConflictDoUpdate({
            target: [activityDaily.teamId, activityDaily.day, activityDaily.userId, activityDaily.type],
            set: { count: sql`${activityDaily.count} + ${sql.placeholder('count')}` },
          }),
      ).run({ teamId: c.teamId, day: c.day, userId: c.userId, type: c.type, count: c.delta });
    } else if (c.delta < 0) {
      await tx
        .update(activityDaily)
        .set({ count: sql`max(${activityDaily.count} + ${c.delta}, 0)` })
        .where(and(eq(activityDaily.teamId, c.teamId), eq(activityDaily.day, c.day), eq(activityDaily.userId, c.userId), eq(activityDaily.type, c.type)));
    }
  }
  await lastActivities(tx, added, removed);
  await latestQuotes(tx, added);
  await lastReviews(tx, added);
}

/** An account's last activity: the latest added, or read again when one was taken out. */
async function lastActivities(tx: Tx, added: Added[], removed: Removed[]) {
  const recheck = new Set(removed.map((r) => r.accountId));
  const latest = new Map<string, number>();
  for (const a of added) if (!recheck.has(a.accountId)) latest.set(a.accountId, Math.max(latest.get(a.accountId) ?? 0, a.occurredAt));
  for (const [accountId, at] of latest) {
    await prepared(tx, 'accounts.lastActivity', (d) =>
      d
        .update(accounts)
        .set({ lastActivityAt: sql`max(coalesce(${accounts.lastActivityAt}, 0), ${sql.placeholder('at')})` })
        .where(eq(accounts.id, sql.placeholder('accountId'))),
    ).run({ at, accountId });
  }
  if (!recheck.size) return;
  const last = await tx
    .select({ accountId: activities.accountId, at: max(activities.occurredAt) })
    .from(activities)
    .where(inArray(activities.accountId, [...recheck]))
    .groupBy(activities.accountId)
    .all();
  const lastOf = new Map(last.map((l) => [l.accountId, l.at]));
  for (const accountId of recheck) {
    await tx
      .update(accounts)
      .set({ lastActivityAt: lastOf.get(accountId) ?? null })
      .where(eq(accounts.id, accountId));
  }
}

/** The latest quote's amount on the account, for the pipeline and the forecast. */
async function latestQuotes(tx: Tx, added: Added[]) {
  const latest = new Map<string, Added>();
  for (const a of added) if (a.type === 'quote' && a.occurredAt >= (latest.get(a.accountId)?.occurredAt ?? 0)) latest.set(a.accountId, a);
  for (const q of latest.values()) {
    await tx
      .update(accounts)
      .set({ latestQuoteAmount: q.data.amount ?? null, latestQuoteCurrency: q.data.currency ?? 'EUR', latestQuoteAt: q.occurredAt })
      .where(sql`${accounts.id} = ${q.accountId} and coalesce(${accounts.latestQuoteAt}, 0) <= ${q.occurredAt}`);
  }
}

/** The last annual review, for relationship health. */
async function lastReviews(tx: Tx, added: Added[]) {
  const latest = new Map<string, number>();
  for (const a of added) if (a.type === 'annual_review') latest.set(a.accountId, Math.max(latest.get(a.accountId) ?? 0, a.occurredAt));
  for (const [accountId, at] of latest) {
    await tx
      .update(accounts)
      .set({ lastReviewAt: sql`max(coalesce(${accounts.lastReviewAt}, 0), ${at})` })
      .where(eq(accounts.id, accountId));
  }
}
