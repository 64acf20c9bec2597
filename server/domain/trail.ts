/**
 * An account's trail: who changed what and when, beside its phase changes.
 * Recorded in the same transaction as the change; read back with names.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { prepared } from '../db/prepared';
import type { Orm, Tx } from '../db/client';
import { accountEvents, phaseChanges, users, type AccountEventKind } from '../db/schema';
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

/** Phase moves and the trail, newest first, with the name of whoever made each change. */
export async function accountHistory(q: Orm | Tx, teamId: string, accountId: string): Promise<HistoryEntry[]> {
  const ids = { accountId, teamId };
  const [moves, events] = await Promise.all([
    prepared(q, 'history.moves', (d) =>
      d
        .select({ at: phaseChanges.at, by: users.name, from: phaseChanges.from, to: phaseChanges.to, reason: phaseChanges.reason, note: phaseChanges.note })
        .from(phaseChanges)
        .leftJoin(users, eq(users.id, phaseChanges.byUserId))
        .where(and(eq(phaseChanges.accountId, sql.placeholder('accountId')), eq(phaseChanges.teamId, sql.placeholder('teamId'))))
        .orderBy(desc(phaseChanges.at))
        .limit(HISTORY_LIMIT),
    ).all(ids),
    prepared(q, 'history.events', (d) =>
      d
        .select({ at: accountEvents.at, by: users.name, kind: accountEvents.kind, detail: accountEvents.detail })
        .from(accountEvents)
        .leftJoin(users, eq(users.id, accountEvents.userId))
        .where(and(eq(accountEvents.accountId, sql.placeholder('accountId')), eq(accountEvents.teamId, sql.placeholder('teamId'))))
        .orderBy(desc(accountEvents.at))
        .limit(HISTORY_LIMIT),
    ).all(ids),
  ]);
  return [...moves.map((m) => ({ kind: 'moved' as const, ...m })), ...events].sort((a, b) => b.at - a.at).slice(0, HISTORY_LIMIT);
}
