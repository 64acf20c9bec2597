/**
 * Every phase's cohort in a period and how many of it went on, per account
 * manager, from the day counts in reach_days instead of a million reaches.
 *
 * For a phase and a period [from, to), over its reach rows (at: reached,
 * left: went on to a later phase, null while it has not):
 *   cohort    = N[from, to) − again
 *   converted = (N − Open)[from, to) − spanning(to) + spanningAll − againConverted
 * where N and Open count reaches (and those not left) by their day, and
 *   spanning(to) = L[to, ∞) − (N − Open)[to, ∞)   left stays that were open at `to`
 *   spanningAll  = left stays open over the whole period: reached before `from`, left at or after `to`
 *   again        = reaches in the period of an account that reached the phase earlier in it (prev_at ≥ from)
 * The day counts serve whole UTC days; the parts of a day at a period's ends
 * are counted from the reach rows themselves, as are spanningAll (an index
 * on the stay's length: only stays longer than the period) and again (an
 * index on the rows that have a previous reach). What a period ending now
 * reads grows with the days since `from`, not with the team's history.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Orm } from '../../db/client';
import { dayParts, everyPhase, ownerFilter, type Scope } from './scope';

export interface Counts {
  cohort: number;
  converted: number;
}

/** Per phase index, per account manager (null: none): the cohort and its conversion. */
export type CohortCounts = Map<number, Map<string | null, Counts>>;

type Term = { p: number; o: string | null; n: number };

/** SQL: the sum of a day count over whole days [a, b) (0 for none) */
const inDays = (days: [number, number] | null, n: SQL) =>
  !days
    ? sql`0`
    : Number.isFinite(days[1])
      ? sql`sum(case when day >= ${days[0]} and day < ${days[1]} then ${n} else 0 end)`
      : sql`sum(case when day >= ${days[0]} then ${n} else 0 end)`;
const timeRange = (column: SQL, [x, y]: [number, number]) =>
  Number.isFinite(y) ? sql`${column} is not null and ${column} >= ${x} and ${column} < ${y}` : sql`${column} is not null and ${column} >= ${x}`;

/**
 * SQL: reach_days rows of the scope's account manager, or of every one of the team's and none: for the whole team
 * an IN list of owners makes each owner's days one range of reach_days_groups
 */
export const reachDayOwners = (s: Pick<Scope, 'teamId' | 'ownerId'>) =>
  s.ownerId ? sql`owner_id = ${s.ownerId}` : sql`owner_id in (select id from users where team_id = ${s.teamId} union all select '')`;

export async function cohortCounts(db: Orm, s: Pick<Scope, 'teamId' | 'ownerId' | 'from' | 'to'>): Promise<CohortCounts> {
  const { from, to } = s;
  const out: CohortCounts = new Map();
  const add = (rows: Term[], key: keyof Counts, sign: 1 | -1) => {
    for (const r of rows) {
      const byOwner = out.get(Number(r.p)) ?? out.set(Number(r.p), new Map()).get(Number(r.p))!;
      const owner = r.o === '' ? null : r.o;
      const c = byOwner.get(owner) ?? byOwner.set(owner, { cohort: 0, converted: 0 }).get(owner)!;
      c[key] += sign * Number(r.n);
    }
  };
  const owner = (column: SQL) => ownerFilter(s, column);

  // N and N − Open over [from, to): the day counts, then the rows of the parts of a day
  const period = dayParts(from, to);
  const after = dayParts(to, Number.POSITIVE_INFINITY);
  /**
   * the day counts of [from, to) and of [to, ∞) in one pass over the days from `from` on: one index range per
   * phase and owner (every owner of the team, and none), which comes in group order; grouped by day order
   * instead, SQLite sorted every day's rows (a year: 40,000 rows, ~60 ms)
   */
  const sums = await db.all<Term & { pr: number; po: number; ar: number; ao: number; al: number }>(sql`
          select phase_idx as p, owner_id as o,
                 ${inDays(period.days, sql`reaches`)} as pr, ${inDays(period.days, sql`open_reaches`)} as po,
                 ${inDays(after.days, sql`reaches`)} as ar, ${inDays(after.days, sql`open_reaches`)} as ao, ${inDays(after.days, sql`leaves`)} as al
          from reach_days indexed by reach_days_groups
          where team_id = ${s.teamId} and ${everyPhase} and ${reachDayOwners(s)} and day >= ${(period.days ?? after.days!)[0]}
          group by phase_idx, owner_id`);
  /** the reach rows of the parts of a day, by `column` (each part one index range per phase): how many, and how many have left */
  const rows = async (parts: [number, number][], column = sql`at`) => {
    const out: (Term & { c: number })[] = [];
    for (const part of parts) {
      out.push(
        ...(await db.all<Term & { c: number }>(sql`
          select phase_idx as p, coalesce(owner_id, '') as o, count(*) as n, sum(left_at is not null) as c from phase_reaches
          where team_id = ${s.teamId} and ${everyPhase} and ${timeRange(column, part)}${owner(sql`owner_id`)}
          group by phase_idx, owner_id`)),
      );
    }
    return out;
  };
  const left = (rows: (Term & { c: number })[]) => rows.map((r) => ({ ...r, n: r.c }));
  add(
    sums.map((r) => ({ ...r, n: Number(r.pr) })),
    'cohort',
    1,
  );
  add(
    sums.map((r) => ({ ...r, n: Number(r.pr) - Number(r.po) })),
    'converted',
    1,
  );
  const periodParts = await rows(period.parts);
  add(periodParts, 'cohort', 1);
  add(left(periodParts), 'converted', 1);

  // spanning(to): leaves from `to` on, less the reaches from `to` on that have left
  add(
    sums.map((r) => ({ ...r, n: Number(r.ar) - Number(r.ao) - Number(r.al) })),
    'converted',
    1,
  );
  add(left(await rows(after.parts)), 'converted', 1);
  add(await rows(after.parts, sql`left_at`), 'converted', -1);

  // spanningAll: only a stay longer than the period can span it
  add(
    await db.all<Term>(sql`
      select phase_idx as p, coalesce(owner_id, '') as o, count(*) as n from phase_reaches indexed by phase_reaches_long
      where team_id = ${s.teamId} and ${everyPhase} and left_at is not null and left_at - at > ${to - from} and at < ${from} and left_at >= ${to}${owner(sql`owner_id`)}
      group by phase_idx, owner_id`),
    'converted',
    1,
  );

  // again: an account's second reach of a phase inside the period is not a new member of its cohort
  const again = await db.all<Term & { c: number }>(sql`
    select phase_idx as p, coalesce(owner_id, '') as o, count(*) as n, sum(left_at is not null and left_at < ${to}) as c
    from phase_reaches indexed by phase_reaches_again
    where team_id = ${s.teamId} and ${everyPhase} and prev_at is not null and prev_at >= ${from} and at < ${to}${owner(sql`owner_id`)}
    group by phase_idx, owner_id`);
  add(again, 'cohort', -1);
  add(left(again), 'converted', -1);
  return out;
}

/** A phase's cohort over every owner. */
export function phaseTotal(counts: CohortCounts, phase: number): Counts {
  const t = { cohort: 0, converted: 0 };
  for (const c of counts.get(phase)?.values() ?? []) {
    t.cohort += c.cohort;
    t.converted += c.converted;
  }
  return t;
}
