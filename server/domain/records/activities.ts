/**
 * Activity rows. The source key (Gmail message id, LinkedIn URL, form id,
 * import row) is unique per team: inserting the same thing twice, by two
 * colleagues or by a replayed queue, changes nothing. What an insert changes
 * for the reporting tables is noted for the transaction's projections.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { activities } from '../../db/schema';
import { noteChange } from '../../db/changes';
import { CHECKLIST_ACTIVITY_TYPES, type ActivityType } from '../../../shared/phases';
import type { ActivityData } from '../../../shared/schemas';
import { newId, type Actor } from '../actor';
import { placeholders, prepared } from '../../db/prepared';

const NAMES = ['id', 'teamId', 'accountId', 'contactId', 'type', 'direction', 'occurredAt', 'subject', 'snippet', 'data', 'sourceKey', 'loggedBy'] as const;
/** every column of an activity (the `row`-th of an insert) as a placeholder: the insert is built once per process */
const columns = (row = '') => placeholders<typeof activities.$inferInsert>(NAMES, row);
const COLUMNS = columns();

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

type ActivityRow = typeof activities.$inferSelect;

/** The row as inserted: its id, and the source key that makes a second log of the same thing the same activity. */
function rowOf(actor: Actor, input: ActivityInput) {
  const id = newId();
  return {
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
    sourceKey: input.sourceKey ?? `manual:${id}`,
    loggedBy: actor.userId,
  };
}

/** What a new activity changes beyond its row: day counts, last activity, and the checklist when it can fill an item. */
function noteNew(tx: Tx, actor: Actor, row: ActivityRow) {
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
}

/** Inserts the activity unless its source key is known; returns it and whether it is new. */
export async function insertActivity(tx: Tx, actor: Actor, input: ActivityInput) {
  const values = rowOf(actor, input);
  const row = await prepared(tx, 'activities.insert', (d) => d.insert(activities).values(COLUMNS).onConflictDoNothing().returning()).get(values);
  if (row) {
    noteNew(tx, actor, row);
    return { activity: row, created: true };
  }
  const existing = await tx
    .select()
    .from(activities)
    .where(and(eq(activities.teamId, actor.teamId), eq(activities.sourceKey, values.sourceKey)))
    .get();
  return { activity: existing!, created: false };
}

/** rows per insert statement at most: 12 values each, well under SQLite's limit of bound values */
const ROWS_PER_INSERT = 128;

/**
 * Inserts several activities (a thread's messages) with a few statements,
 * each unless its source key is known; returns each, in the order given, with
 * whether it is new. One statement per power of two of rows (20 = 16 + 4):
 * each size is built once per process (profiled: building a 20-row insert took
 * half as long as SQLite ran it), and a handful of sizes serve any batch.
 */
export async function insertActivities(tx: Tx, actor: Actor, inputs: ActivityInput[]) {
  if (inputs.length === 1) return [await insertActivity(tx, actor, inputs[0]!)];
  const rows = inputs.map((input) => rowOf(actor, input));
  const inserted = new Map<string, ActivityRow>();
  for (let i = 0; i < rows.length; ) {
    const size = Math.min(ROWS_PER_INSERT, 2 ** Math.floor(Math.log2(rows.length - i)));
    const chunk = rows.slice(i, (i += size));
    const insert = prepared(tx, `activities.insert.${size}`, (d) =>
      d
        .insert(activities)
        .values(chunk.map((_, r) => columns(String(r))))
        .onConflictDoNothing()
        .returning(),
    );
    const values = Object.fromEntries(chunk.flatMap((row, r) => NAMES.map((c) => [`${c}${r}`, row[c]])));
    for (const row of await insert.all(values)) inserted.set(row.id, row);
  }
  const known = rows.filter((r) => !inserted.has(r.id)).map((r) => r.sourceKey);
  const existing = new Map<string, ActivityRow>();
  if (known.length) {
    const found = await tx
      .select()
      .from(activities)
      .where(and(eq(activities.teamId, actor.teamId), inArray(activities.sourceKey, known)))
      .all();
    for (const row of found) existing.set(row.sourceKey, row);
  }
  return rows.map((r) => {
    const row = inserted.get(r.id);
    if (row) {
      noteNew(tx, actor, row);
      return { activity: row, created: true };
    }
    return { activity: existing.get(r.sourceKey)!, created: false };
  });
}

/** Deletes one activity row; its counts and the account's last activity follow in the projections. */
export async function deleteActivity(tx: Tx, a: typeof activities.$inferSelect) {
  await tx.delete(activities).where(eq(activities.id, a.id));
  noteChange(tx, { kind: 'activity-removed', teamId: a.teamId, accountId: a.accountId, userId: a.loggedBy, type: a.type, occurredAt: a.occurredAt });
  noteChange(tx, { kind: 'checklist', accountId: a.accountId });
}
