/**
 * Care of customers: complaints pair up by their id (opened, then resolved),
 * and an annual review falls due twelve months after the last one. The
 * sidebar's account card and the dashboard's relationship health both use this.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { prepared } from '../db/prepared';
import type { Orm, Tx } from '../db/client';
import { activities } from '../db/schema';
import { ANNUAL_REVIEW_DUE_MS, COMPLAINT_TYPES, CONTACT_TYPES } from '../../shared/phases';

export interface ComplaintEvent {
  complaintId: string | null | undefined;
  type: string;
  at: number;
  subject?: string | null;
}

/** Walks complaint events in time order: what is still open, and how long each resolved one took. */
export function pairComplaints(events: ComplaintEvent[], resolvedFrom = -Infinity) {
  const open = new Map<string, { subject: string; openedAt: number }>();
  const resolveTimes: number[] = [];
  for (const e of events) {
    if (!e.complaintId) continue;
    if (e.type === 'complaint_opened') open.set(e.complaintId, { subject: e.subject ?? '', openedAt: e.at });
    else if (open.has(e.complaintId)) {
      if (e.at >= resolvedFrom) resolveTimes.push(e.at - open.get(e.complaintId)!.openedAt);
      open.delete(e.complaintId);
    }
  }
  return { open, resolveTimes: resolveTimes.sort((a, b) => a - b) };
}

export const reviewDueAt = (lastReviewAt: number | null) => (lastReviewAt === null ? null : lastReviewAt + ANNUAL_REVIEW_DUE_MS);

/** The last two-way contact, from the latest time (not in the future) of each activity type the account has. */
export function lastContactAt(byType: { type: string; lastAt: number | null }[]): number | null {
  let last: number | null = null;
  for (const t of byType) if (t.lastAt !== null && (CONTACT_TYPES as readonly string[]).includes(t.type) && (last === null || t.lastAt > last)) last = t.lastAt;
  return last;
}

/**
 * One account's open complaints, annual review and last contact, for its
 * card. A customer never reviewed is due a year after becoming customer. When
 * it first became customer and its last contact come from what the card
 * reads anyway (its phase changes, its activity types).
 */
export async function careOf(
  q: Orm | Tx,
  accountId: string,
  lastReviewAt: number | null,
  known: { firstCustomerAt: number | null; lastContactAt: number | null },
) {
  const rows = await prepared(q, 'care.complaints', (d) =>
    d
      .select({ type: activities.type, at: activities.occurredAt, subject: activities.subject, data: activities.data })
      .from(activities)
      .where(and(eq(activities.accountId, sql.placeholder('accountId')), inArray(activities.type, COMPLAINT_TYPES)))
      .orderBy(asc(activities.occurredAt)),
  ).all({ accountId });
  const { open } = pairComplaints(rows.map((r) => ({ complaintId: r.data.complaintId, type: r.type, at: r.at, subject: r.subject })));
  return {
    openComplaints: [...open.entries()].map(([complaintId, c]) => ({ complaintId, ...c })),
    lastReviewAt,
    reviewDueAt: reviewDueAt(lastReviewAt) ?? (known.firstCustomerAt ? known.firstCustomerAt + ANNUAL_REVIEW_DUE_MS : null),
    lastContactAt: known.lastContactAt,
  };
}
