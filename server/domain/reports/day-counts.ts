/**
 * Medians and counts up to a moment over a phase's open accounts, from their
 * counts per day kept on write (account_days, migration 0016), finished from
 * the accounts of one day: walking half of a phase's accounts through an
 * index costs a few milliseconds per 10,000, a day's counts a few per year.
 * Exact: what the counts cannot tell (the day of the cut, accounts created
 * after the report's moment) is read from the accounts themselves.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Orm } from '../../db/client';
import type { PhaseId } from '../../../shared/phases';
import { DAY_MS, oneOf, ownerFilter, type Scope } from './scope';

export type DayKind = 'since' | 'contact' | 'review';

/** SQL: the day of each kind for an account (alias `a`), as the triggers of migration 0016 count it. */
const DAY_OF: Record<DayKind, SQL> = {
  since: sql`cast(a.phase_since / ${DAY_MS} as integer)`,
  contact: sql`coalesce(cast(a.last_activity_at / ${DAY_MS} as integer), -1)`,
  review: sql`cast(coalesce(a.last_review_at, a.phase_since) / ${DAY_MS} as integer)`,
};

/** Counts per day, by phase. */
export type Days = Map<PhaseId, Map<number, number>>;

const add = (d: Days, phase: PhaseId, day: number, n: number) => {
  let m = d.get(phase);
  if (!m) d.set(phase, (m = new Map()));
  m.set(day, (m.get(day) ?? 0) + n);
};

/**
 * The open accounts of the scope per phase and day of `kind`, as they were at the report's moment by
 * creation: those created after it (none for a period ending now) are taken off.
 */
export async function accountDays(db: Orm, s: Scope, kind: DayKind, phases: readonly PhaseId[]): Promise<Days> {
  const out: Days = new Map();
  // one JSON array, not a row per day: the client builds an object per row (~7 µs, measured), far more than SQLite reads
  const kept = await db.get<{ days: string }>(sql`
    select json_group_array(json_array(phase, day, n)) as days from account_days
    where team_id = ${s.teamId} and kind = ${kind} and ${oneOf(sql`phase`, phases)} and owner_id = ${s.ownerId ?? '*'} and n <> 0`);
  for (const [phase, day, n] of JSON.parse(kept?.days ?? '[]') as [PhaseId, number, number][]) add(out, phase, day, n);
  const later = await db.all<{ phase: PhaseId; day: number; n: number }>(sql`
    select a.phase as phase, ${DAY_OF[kind]} as day, count(*) as n from accounts a indexed by accounts_team_created
    where a.team_id = ${s.teamId} and a.created_at > ${s.ref} and a.archived_at is null and ${oneOf(sql`a.phase`, phases)}${ownerFilter(s, sql`a.owner_id`)}
    group by 1, 2`);
  for (const r of later) add(out, r.phase, Number(r.day), -Number(r.n));
  return out;
}

/** The days of several phases added up, newest first. */
export function newestFirst(days: Days, phases: readonly PhaseId[]): [number, number][] {
  const merged = new Map<number, number>();
  for (const p of phases) for (const [day, n] of days.get(p) ?? []) merged.set(day, (merged.get(day) ?? 0) + n);
  return [...merged].filter(([, n]) => n).sort((a, b) => b[0] - a[0]);
}

/** The day that holds the k-th (from 0) account newest first, and its rank within that day; null past the end. */
export function dayOfRank(days: [number, number][], k: number): { day: number; rank: number } | null {
  let left = k;
  for (const [day, n] of days) {
    if (left < n) return { day, rank: left };
    left -= n;
  }
  return null;
}

/** How many of the days' accounts fall on days before `day`. */
export const before = (days: Map<number, number> | undefined, day: number) => {
  let n = 0;
  for (const [d, c] of days ?? []) if (d < day) n += c;
  return n;
};

export const total = (days: Map<number, number> | undefined) => before(days, Number.POSITIVE_INFINITY);
