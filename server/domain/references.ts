/**
 * Ids that arrive in an input, checked to belong to the caller's team and to
 * the account they are used with. An id that fails answers 404: another
 * team's record is indistinguishable from one that does not exist.
 */
import { and, eq, sql } from 'drizzle-orm';
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
  const mine = (table: typeof contacts | typeof opportunities | typeof activities, id: string) =>
    tx
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.id, id), eq(table.teamId, actor.teamId), eq(table.accountId, accountId)))
      .get();
  if (input.contactId && !seen?.has(input.contactId)) {
    // a thread's or a log's contact: on every write that names one, so built once per process
    const contact = await prepared(tx, 'references.contact', (d) =>
      d
        .select({ id: contacts.id })
        .from(contacts)
        .where(
          and(eq(contacts.id, sql.placeholder('id')), eq(contacts.teamId, sql.placeholder('teamId')), eq(contacts.accountId, sql.placeholder('accountId'))),
        ),
    ).get({ id: input.contactId, teamId: actor.teamId, accountId });
    if (!contact) throw notFound('Contact');
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
