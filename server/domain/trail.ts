/**
 * An account's trail: who changed what and when, beside its phase changes.
 * Recorded in the same transaction as the change; read back with names.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { prepared } from '../db/prepared';
import type { Orm, Tx } from '../db/client';
import { accountEvents, users, type AccountEventKind } from '../db/schema';
import { newId, type Actor } from './actor';

export async function recordEvent(
  tx: Tx,
  actor: Actor | null,
  accountId: string,
  kind: AccountEventKind,
  detail: Record<string, unknown> = {},
  teamId = actor?.teamId,
) {
  await tx.insert(accountEvents).values({ id: newId(), teamId: teamId!, accountId, userId: actor?.userId || null, at: Date.now(), kind, detail });
}

const HISTORY_LIMIT = 100;

export type HistoryEntry =
  | { kind: 'moved'; at: number; by: string | null; from: string | null; to: string; reason: string | null; note: string | null }
  | { kind: AccountEventKind; at: number; by: string | null; detail: Record<string, unknown> };

export type MoveEntry = Extract<HistoryEntry, { kind: 'moved' }>;

/** Phase moves (as the card has read them) and the trail, newest first, with the name of whoever made each change. */
export async function accountHistory(q: Orm | Tx, teamId: string, accountId: string, moves: MoveEntry[]): Promise<HistoryEntry[]> {
  const events = await prepared(q, 'history.events', (d) =>
    d
      .select({ at: accountEvents.at, by: users.name, kind: accountEvents.kind, detail: accountEvents.detail })
      .from(accountEvents)
      .leftJoin(users, eq(users.id, accountEvents.userId))
      .where(and(eq(accountEvents.accountId, sql.placeholder('accountId')), eq(accountEvents.teamId, sql.placeholder('teamId'))))
      .orderBy(desc(accountEvents.at))
      .limit(HISTORY_LIMIT),
  ).all({ accountId, teamId });
  // the card reads moves oldest first; of two at the same moment, the later one shows first
  const newestMoves = [...moves]
    .reverse()
    .sort((a, b) => b.at - a.at)
    .slice(0, HISTORY_LIMIT);
  return [...newestMoves, ...events].sort((a, b) => b.at - a.at).slice(0, HISTORY_LIMIT);
}
