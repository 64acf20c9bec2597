/**
 * A calendar invitation in a thread with a known account becomes a meeting
 * on the meeting's date; an update moves it, a cancellation withdraws it.
 * The meeting fills the checklist's contact moment like any logged meeting.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { activities } from '../db/schema';
import type { Invitation } from '../../shared/invitations';
import type { Actor } from './actor';
import { logActivity } from './activities';
import { removeActivity } from './remove-activity';

export type MeetingChange = 'planned' | 'moved' | 'withdrawn' | 'unchanged';

export async function applyInvitation(tx: Tx, actor: Actor, accountId: string, inv: Invitation): Promise<MeetingChange> {
  const sourceKey = `meeting:${accountId}:${inv.title.toLowerCase()}`;
  const existing = await tx
    .select()
    .from(activities)
    .where(and(eq(activities.teamId, actor.teamId), eq(activities.sourceKey, sourceKey)))
    .get();
  if (inv.kind === 'cancel') {
    if (existing) await removeActivity(tx, existing);
    return existing ? 'withdrawn' : 'unchanged';
  }
  // an invitation read again after its update must not move the meeting back
  if (existing && (inv.kind === 'invite' || existing.occurredAt === inv.start)) return 'unchanged';
  if (existing && !(await removeActivity(tx, existing))) {
    await tx.update(activities).set({ occurredAt: inv.start }).where(eq(activities.id, existing.id));
    return 'moved';
  }
  await logActivity(tx, actor, { accountId, type: 'meeting', occurredAt: inv.start, subject: inv.title, sourceKey });
  return existing ? 'moved' : 'planned';
}
