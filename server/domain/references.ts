/**
 * Ids that arrive in an input, checked to belong to the caller's team and to
 * the account they are used with. An id that fails answers 404: another
 * team's record is indistinguishable from one that does not exist.
 */
import { and, eq, getTableName, sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { activities, contacts, opportunities } from '../db/schema';
import type { ActivityData } from '../../shared/schemas';
import type { Actor } from './actor';
import { notFound } from './errors';
import { prepared } from '../db/prepared';

/** `seen`: contacts already found on this account in the same batch, not looked up again. */
export async function checkActivityReferences(
  tx: Tx,
  actor: Actor,
  accountId: string,
  input: { type: string; contactId?: string; data?: ActivityData },
  seen?: Set<string>,
) {
  // a contact or an opportunity of this team on this account: on every write that names one, so built once per process
  const mine = (table: typeof contacts | typeof opportunities, id: string) =>
    prepared(tx, `references.${getTableName(table)}`, (d) =>
      d
        .select({ id: table.id })
        .from(table)
        .where(and(eq(table.id, sql.placeholder('id')), eq(table.teamId, sql.placeholder('teamId')), eq(table.accountId, sql.placeholder('accountId')))),
    ).get({ id, teamId: actor.teamId, accountId });
  if (input.contactId && !seen?.has(input.contactId)) {
    if (!(await mine(contacts, input.contactId))) throw notFound('Contact');
    seen?.add(input.contactId);
  }
  if (input.data?.opportunityId && !(await mine(opportunities, input.data.opportunityId))) throw notFound('Opportunity');
  // opening a complaint names it; anything else that names one must find it opened on this account
  if (input.data?.complaintId && input.type !== 'complaint_opened') {
    const complaint = await tx
      .select({ id: activities.id })
      .from(activities)
      .where(
        and(
          eq(activities.teamId, actor.teamId),
          eq(activities.accountId, accountId),
          eq(activities.type, 'complaint_opened'),
          sql`json_extract(${activities.data}, '$.complaintId') = ${input.data.complaintId}`,
        ),
      )
      .get();
    if (!complaint) throw notFound('Complaint');
  }
}
