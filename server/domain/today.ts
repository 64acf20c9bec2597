/**
 * The rep's day, beside the inbox: proposals waiting for a confirm, next
 * steps due today or overdue, annual reviews due, open complaints, and their
 * own accounts gone stale — each with the account's phase and, where known,
 * the last e-mail thread with it.
 */
import { and, asc, desc, eq, inArray, isNull, lte, like, sql } from 'drizzle-orm';
import type { Orm } from '../db/client';
import { accounts, activities, proposals } from '../db/schema';
import { ANNUAL_REVIEW_DUE_MS, COMPLAINT_TYPES, type PhaseId, isCustomer } from '../../shared/phases';
import type { Actor } from './actor';
import { pairComplaints } from './care';
import { scopeFor } from './reports/scope';
import { staleAccounts, staleThresholds } from './reports/time-in-phase';

export type TodayKind = 'proposal' | 'next-step' | 'review' | 'complaint' | 'stale';
export interface TodayItem {
  kind: TodayKind;
  accountId: string;
  name: string;
  phase: PhaseId;
  /** what it is about: the proposed phase, the next step, the complaint */
  detail: string | null;
  at: number | null;
  overdue: boolean;
  lastMessageId: string | null;
}

const LIMIT = 20;

export async function today(db: Orm, actor: Actor, input: { dayStart: number; dayEnd: number }, now = Date.now()) {
  const mine = and(eq(accounts.teamId, actor.teamId), eq(accounts.ownerId, actor.userId), isNull(accounts.archivedAt));
  const items: TodayItem[] = [];
  const item = (kind: TodayKind, a: { id: string; name: string; phase: PhaseId }, detail: string | null, at: number | null, overdue = false) =>
    items.push({ kind, accountId: a.id, name: a.name, phase: a.phase, detail, at, overdue, lastMessageId: null });

  const waiting = await db
    .select({ id: accounts.id, name: accounts.name, phase: accounts.phase, to: proposals.to, at: proposals.createdAt })
    .from(proposals)
    .innerJoin(accounts, eq(accounts.id, proposals.accountId))
    .where(and(mine, eq(proposals.status, 'open')))
    .orderBy(desc(proposals.createdAt))
    .limit(LIMIT)
    .all();
  for (const p of waiting) item('proposal', p, p.to, p.at);

  const due = await db
    .select({ id: accounts.id, name: accounts.name, phase: accounts.phase, step: accounts.nextStep, at: accounts.nextStepDue })
    .from(accounts)
    .where(and(mine, lte(accounts.nextStepDue, input.dayEnd)))
    .orderBy(asc(accounts.nextStepDue))
    .limit(LIMIT)
    .all();
  for (const d of due) item('next-step', d, d.step, d.at, d.at! < input.dayStart);

  const reviews = await db
    .select({ id: accounts.id, name: accounts.name, phase: accounts.phase, last: accounts.lastReviewAt })
    .from(accounts)
    .where(and(mine, lte(accounts.lastReviewAt, now - ANNUAL_REVIEW_DUE_MS)))
    .orderBy(asc(accounts.lastReviewAt))
    .limit(LIMIT)
    .all();
  for (const r of reviews) if (isCustomer(r.phase)) item('review', r, null, r.last! + ANNUAL_REVIEW_DUE_MS, true);

  const complaintRows = await db
    .select({
      id: accounts.id,
      name: accounts.name,
      phase: accounts.phase,
      type: activities.type,
      at: activities.occurredAt,
      subject: activities.subject,
      data: activities.data,
    })
    .from(activities)
    .innerJoin(accounts, eq(accounts.id, activities.accountId))
    .where(and(mine, inArray(activities.type, COMPLAINT_TYPES)))
    .orderBy(asc(activities.occurredAt))
    .all();
  const byAccount = new Map<string, typeof complaintRows>();
  for (const r of complaintRows) byAccount.set(r.id, [...(byAccount.get(r.id) ?? []), r]);
  for (const rows of byAccount.values()) {
    const { open } = pairComplaints(rows.map((r) => ({ complaintId: r.data.complaintId, type: r.type, at: r.at, subject: r.subject })));
    for (const c of open.values()) item('complaint', rows[0]!, c.subject || null, c.openedAt, true);
  }

  const scope = scopeFor(actor, { from: now - 365 * 86_400_000, to: now, ownerId: actor.userId }, now);
  const stale = await staleAccounts(db, scope, await staleThresholds(db, scope), 0);
  for (const s of stale.accounts.slice(0, LIMIT)) item('stale', s, null, s.lastActivityAt, false);

  // the last e-mail with each account, to open the thread from the list
  const ids = [...new Set(items.map((i) => i.accountId))];
  if (ids.length) {
    const last = await db
      .select({ accountId: activities.accountId, key: sql<string>`max(${activities.occurredAt} || ' ' || ${activities.sourceKey})` })
      .from(activities)
      .where(and(inArray(activities.accountId, ids), like(activities.sourceKey, 'gmail:%')))
      .groupBy(activities.accountId)
      .all();
    const lastMessage = new Map(last.map((l) => [l.accountId, l.key.split(' gmail:')[1] ?? null]));
    for (const i of items) i.lastMessageId = lastMessage.get(i.accountId) ?? null;
  }
  return { items };
}
