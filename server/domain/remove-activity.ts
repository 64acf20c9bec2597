/**
 * Taking an activity back out, with everything derived from it: its day
 * count, the account's last-activity time and checklist count, and a
 * proposal it raised that is still open. An activity that is the evidence of
 * a phase move (or of an accepted proposal) stays: the move was consented to.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { type activities, phaseChanges, proposals } from '../db/schema';
import { deleteActivity } from './records/activities';

export async function removeActivity(tx: Tx, a: typeof activities.$inferSelect): Promise<boolean> {
  const evidence = await tx.select({ id: phaseChanges.id }).from(phaseChanges).where(eq(phaseChanges.evidenceActivityId, a.id)).get();
  const accepted = await tx
    .select({ id: proposals.id })
    .from(proposals)
    .where(and(eq(proposals.evidenceActivityId, a.id), eq(proposals.status, 'accepted')))
    .get();
  if (evidence || accepted) return false;
  await tx.delete(proposals).where(eq(proposals.evidenceActivityId, a.id));
  await deleteActivity(tx, a);
  return true;
}
