/**
 * The forecast's history of the pipeline phases: per phase, the cohort that
 * first reached it in [from, ref) and, of those won (customer or later) before
 * `ref`, how long each took (won_at − at, in milliseconds), from counts kept on
 * write instead of a year of reaches (a large team's year: 250,000 reaches,
 * ~36 MB of index read by the first dashboard call after a start).
 *
 * Over the reach rows, with "again" the reaches of an account that reached
 * the phase earlier in the period (prev_at ≥ from), as in cohort-counts.ts:
 *   cohort = N[from, ref) − again
 *   closes = W[from, ref) − closes of again
 * N counts reaches by their day (reach_days), W the wins by the reach's day and
 * time to close (won_days); the parts of a day at the period's ends come from
 * the reach rows. A whole day's win counts when it was won before `ref`: for a
 * (day, time to close) that straddles `ref` (won within a day of it), its
 * reaches are read to tell.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Orm } from '../../db/client';
import { PIPELINE_PHASES, phaseIndex } from '../../../shared/phases';
import { reachDayOwners } from './cohort-counts';
import { DAY_MS, dayParts, ownerFilter, type Scope } from './scope';

export interface PhaseHistory {
  cohort: number;
  /** times to close in milliseconds, with how many took each */
  closes: Map<number, number>;
}

/** The history of each pipeline phase (won_days keeps theirs only) over [from, s.ref), by phase index. */
export async function forecastHistory(db: Orm, s: Pick<Scope, 'teamId' | 'ownerId' | 'ref'>, from: number): Promise<Map<number, PhaseHistory>> {
  const ref = s.ref;
  const phases = PIPELINE_PHASES.map(phaseIndex);
  const out = new Map(phases.map((p) => [p, { cohort: 0, closes: new Map<number, number>() }]));
  const inPhases = sql`phase_idx in (${sql.join(
    phases.map((p) => sql`${p}`),
    sql`, `,
  )})`;
  const owner = ownerFilter(s, sql`owner_id`);
  const add = (p: number, close: number, n: number) => {
    const closes = out.get(Number(p))!.closes;
    const left = (closes.get(close) ?? 0) + n;
    if (left) closes.set(close, left);
    else closes.delete(close);
  };
  /** the reach rows of `where` counted per phase, with the times to close of those won before `ref` as one JSON array */
  const take = async (index: SQL, where: SQL, sign: 1 | -1) => {
    const rows = await db.all<{ p: number; n: number; closes: string }>(sql`
      select phase_idx as p, count(*) as n, json_group_array(won_at - at) filter (where won_at < ${ref}) as closes
      from phase_reaches indexed by ${index}
      where team_id = ${s.teamId} and ${inPhases} and ${where}${owner}
      group by phase_idx`);
    for (const r of rows) {
      out.get(Number(r.p))!.cohort += sign * Number(r.n);
      for (const close of JSON.parse(r.closes) as number[]) add(r.p, close, sign);
    }
  };

  const { days, parts } = dayParts(from, ref);
  if (days) {
    const [first, end] = days;
    const cohorts = await db.all<{ p: number; n: number }>(sql`
      select phase_idx as p, sum(reaches) as n from reach_days indexed by reach_days_groups
      where team_id = ${s.teamId} and ${inPhases} and ${reachDayOwners(s)} and day >= ${first} and day < ${end}
      group by phase_idx`);
    for (const c of cohorts) out.get(Number(c.p))!.cohort += Number(c.n);
    const wins = await db.all<{ p: number; wins: string }>(sql`
      select phase_idx as p, json_group_array(json_array(day, close, n)) as wins from won_days
      where team_id = ${s.teamId} and ${inPhases} and owner_id = ${s.ownerId ?? '*'} and day >= ${first} and day < ${end} and n <> 0
      group by phase_idx`);
    for (const w of wins) {
      for (const [day, close, n] of JSON.parse(w.wins) as [number, number, number][]) {
        const earliest = day * DAY_MS + close;
        if (earliest + DAY_MS - 1 < ref) add(w.p, close, n);
        else if (earliest < ref) {
          // won within a day of `ref`: only the reaches early enough in their day were won before it
          const early = await db.get<{ n: number }>(sql`
            select count(*) as n from phase_reaches indexed by phase_reaches_cohort
            where team_id = ${s.teamId} and phase_idx = ${w.p} and at >= ${day * DAY_MS} and at < ${ref - close} and won_at - at = ${close}${owner}`);
          if (early?.n) add(w.p, close, Number(early.n));
        }
      }
    }
  }
  for (const [x, y] of parts) await take(sql`phase_reaches_cohort`, sql`at >= ${x} and at < ${y}`, 1);
  // an account's second reach of a phase inside the period is not a new member of its cohort
  await take(sql`phase_reaches_again`, sql`prev_at is not null and prev_at >= ${from} and at < ${ref}`, -1);
  return out;
}
