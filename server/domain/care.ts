/**
 * Care of customers: complaints pair up by their id (opened, then resolved),
 * and an annual review falls due twelve months after the last one. The
 * sidebar's account card and the dashboard's relationship health both use this.
 */
import { and, asc, eq, inArray, lte, max, min, sql } from 'drizzle-orm';
import { prepared } from '../db/prepared';
import type { Orm, Tx } from '../db/client';
import { activities, phaseChanges } from '../db/schema';
import { ANNUAL_REVIEW_DUE_MS, COMPLAINT_TYPES, CUSTOMER_PHASE } from '../../shared/phases';

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

/** Two-way contact with the account: what "days since last contact" counts (a capture or a note is none). */
const CONTACT_TYPES = ['email_in', 'email_out', 'call', 'meeting', 'visit', 'trade_fair', 'chat', 'annual_review', 'delivery'] as const;

/**
 * One account's open complaints, annual review and last contact, for its
 * card. A customer never reviewed is due a year after becoming customer.
 */
export async function careOf(q: Orm | Tx, accountId: string, lastReviewAt: number | null, now = Date.now()) {
  const at = { accountId, now };
  const forAccount = (c: typeof activities.accountId | typeof phaseChanges.accountId) => eq(c, sql.placeholder('accountId'));
  const [contact, customer, rows] = await Promise.all([
    prepared(q, 'care.contact', (d) =>
      d
        .select({ at: max(activities.occurredAt) })
        .from(activities)
        .where(and(forAccount(activities.accountId), inArray(activities.type, [...CONTACT_TYPES]), lte(activities.occurredAt, sql.placeholder('now')))),
    ).get(at),
    prepared(q, 'care.customer', (d) =>
      d
        .select({ at: min(phaseChanges.at) })
        .from(phaseChanges)
        .where(and(forAccount(phaseChanges.accountId), eq(phaseChanges.to, CUSTOMER_PHASE))),
    ).get(at),
    prepared(q, 'care.complaints', (d) =>
      d
        .select({ type: activities.type, at: activities.occurredAt, subject: activities.subject, data: activities.data })
        .from(activities)
        .where(and(forAccount(activities.accountId), inArray(activities.type, COMPLAINT_TYPES)))
        .orderBy(asc(activities.occurredAt)),
    ).all(at),
  ]);
  const { open } = pairComplaints(rows.map((r) => ({ complaintId: r.data.complaintId, type: r.type, at: r.at, subject: r.subject })));
  return {
    openComplaints: [...open.entries()].map(([complaintId, c]) => ({ complaintId, ...c })),
    lastReviewAt,
    reviewDueAt: reviewDueAt(lastReviewAt) ?? (customer?.at ? customer.at + ANNUAL_REVIEW_DUE_MS : null),
    lastContactAt: contact?.at ?? null,
  };
}
