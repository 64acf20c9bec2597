/**
 * Activity rows. The source key (Gmail message id, LinkedIn URL, form id,
 * import row) is unique per team: inserting the same thing twice, by two
 * colleagues or by a replayed queue, changes nothing. What an insert changes
 * for the reporting tables is noted for the transaction's projections.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { activities } from '../../db/schema';
import { noteChange } from '../../db/changes';
import { CHECKLIST_ACTIVITY_TYPES, type ActivityType } from '../../../shared/phases';
import type { ActivityData } from '../../../shared/schemas';
import { newId, type Actor } from '../actor';
import { prepared } from '../../db/prepared';

/** every column of an activity as a placeholder of the same name: the insert is built once per process */
const COLUMNS = Object.fromEntries(
  ['id', 'teamId', 'accountId', 'contactId', 'type', 'direction', 'occurredAt', 'subject', 'snippet', 'data', 'sourceKey', 'loggedBy'].map((c) => [
    c,
    sql.placeholder(c),
  ]),
) as unknown as typeof activities.$inferInsert;

export interface ActivityInput {
  accountId: string;
  contactId?: string;
  type: ActivityType;
  direction?: 'in' | 'out';
  occurredAt?: number;
  subject?: string;
  snippet?: string;
  data?: ActivityData;
  sourceKey?: string;
  /** an incoming e-mail that answers one of ours */
  isReply?: boolean;
}

/** Inserts the activity unless its source key is known; returns it and whether it is new. */
export async function insertActivity(tx: Tx, actor: Actor, input: ActivityInput) {
  const id = newId();
  const sourceKey = input.sourceKey ?? `manual:${id}`;
  const row = await prepared(tx, 'activities.insert', (d) => d.insert(activities).values(COLUMNS).onConflictDoNothing().returning()).get({
    id,
    teamId: actor.teamId,
    accountId: input.accountId,
    contactId: input.contactId ?? null,
    type: input.type,
    direction: input.direction ?? null,
    occurredAt: input.occurredAt ?? Date.now(),
    subject: input.subject ?? null,
    snippet: input.snippet?.slice(0, 500) ?? null,
    data: input.data ?? {},
    sourceKey,
    loggedBy: actor.userId,
  });
  if (row) {
    noteChange(tx, {
      kind: 'activity',
      teamId: actor.teamId,
      accountId: row.accountId,
      userId: actor.userId,
      type: row.type,
      occurredAt: row.occurredAt,
      data: row.data,
    });
    // e-mails and calls fill no checklist item: recount only when it can change
    if (CHECKLIST_ACTIVITY_TYPES.has(row.type)) noteChange(tx, { kind: 'checklist', accountId: row.accountId });
    return { activity: row, created: true };
  }
  const existing = await tx
    .select()
    .from(activities)
    .where(and(eq(activities.teamId, actor.teamId), eq(activities.sourceKey, sourceKey)))
    .get();
  return { activity: existing!, created: false };
}

/** Deletes one activity row; its counts and the account's last activity follow in the projections. */
export async function deleteActivity(tx: Tx, a: typeof activities.$inferSelect) {
  await tx.delete(activities).where(eq(activities.id, a.id));
  noteChange(tx, { kind: 'activity-removed', teamId: a.teamId, accountId: a.accountId, userId: a.loggedBy, type: a.type, occurredAt: a.occurredAt });
  noteChange(tx, { kind: 'checklist', accountId: a.accountId });
}
