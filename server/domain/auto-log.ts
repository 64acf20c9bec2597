/**
 * Logging without clicks: an open thread with a known contact, or with an
 * address at a known account's company, logs itself — every visible message,
 * once (by message id). Never for the user's never-log list, threads over
 * the recipient limit, or free-mail senders who are not contacts; never when
 * the user turned it off or took this thread out. An undo removes what was
 * logged and everything derived from it, and keeps the thread out.
 */
import { and, eq, inArray, max, sql } from 'drizzle-orm';
import type { Orm, Tx } from '../db/client';
import { activities, autoLogSkips } from '../db/schema';
import type { GmailThread } from '../../shared/schemas';
import { MAX_LOGGED_RECIPIENTS, neverLogged, recipientCount } from '../../shared/email';
import type { Actor } from './actor';
import { findAccountForAddress, findContact } from './matching';
import { logThread } from './threads';
import { removeActivity } from './remove-activity';
import { loggingSettings } from './records/users';

export type AutoLogSkip = 'off' | 'undone' | 'too-many-recipients' | 'no-known-account';

const sourceKeys = (messageIds: string[]) => messageIds.map((id) => `gmail:${id}`);

async function whyNot(tx: Tx, actor: Actor, thread: GmailThread): Promise<AutoLogSkip | null> {
  const user = await loggingSettings(tx, actor);
  if (!user?.autoLog) return 'off';
  const skipped = await tx.query.autoLogSkips.findFirst({
    where: and(eq(autoLogSkips.teamId, actor.teamId), eq(autoLogSkips.userId, actor.userId), eq(autoLogSkips.threadId, thread.threadId)),
  });
  if (skipped) return 'undone';
  if (recipientCount(thread) > MAX_LOGGED_RECIPIENTS) return 'too-many-recipients';
  for (const p of thread.external) {
    if (neverLogged(user.neverLog, p.email)) continue;
    if (await findContact(tx, actor.teamId, { email: p.email })) return null;
    if (await findAccountForAddress(tx, actor.teamId, p.email)) return null;
  }
  return 'no-known-account';
}

/** Logs the thread if it qualifies; says why not otherwise. Proposals follow exactly as for a clicked log. */
export async function autoLogThread(tx: Tx, actor: Actor, thread: GmailThread) {
  const skip = await whyNot(tx, actor, thread);
  if (skip) return { logged: 0, alreadyLogged: 0, skipped: skip, proposal: null, meeting: null };
  const r = await logThread(tx, actor, thread);
  return { logged: r.logged, alreadyLogged: r.alreadyLogged, skipped: null, proposal: r.proposal, meeting: r.meeting };
}

/** How many of these messages the team has logged, and when the last was logged. */
export async function threadStatus(q: Orm | Tx, actor: Actor, messageIds: string[]) {
  if (!messageIds.length) return { logged: 0, lastLoggedAt: null };
  const row = await q
    .select({ logged: sql<number>`count(*)`, lastLoggedAt: max(activities.createdAt) })
    .from(activities)
    .where(and(eq(activities.teamId, actor.teamId), inArray(activities.sourceKey, sourceKeys(messageIds))))
    .get();
  return { logged: Number(row?.logged ?? 0), lastLoggedAt: row?.lastLoggedAt ?? null };
}

/**
 * Takes the thread out of the CRM again: the user's logged messages of it
 * go, with their day counts, last-activity times, checklist counts and open
 * proposals. A message that is the evidence of a phase move stays (the move
 * was consented to). The thread is never logged automatically again.
 */
export async function undoThreadLog(tx: Tx, actor: Actor, input: { threadId: string; messageIds: string[] }) {
  await tx.insert(autoLogSkips).values({ teamId: actor.teamId, userId: actor.userId, threadId: input.threadId }).onConflictDoNothing();
  if (!input.messageIds.length) return { removed: 0, kept: 0 };
  const rows = await tx
    .select()
    .from(activities)
    .where(and(eq(activities.teamId, actor.teamId), eq(activities.loggedBy, actor.userId), inArray(activities.sourceKey, sourceKeys(input.messageIds))))
    .all();
  let removed = 0;
  let kept = 0;
  for (const a of rows) {
    if (await removeActivity(tx, a)) removed++;
    else kept++;
  }
  return { removed, kept };
}
