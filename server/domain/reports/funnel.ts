/**
 * Reached(P), Conversion(P) and the win rate, from phase_reaches (every
 * phase an event moved an account into, skipped phases included).
 */
import { sql } from 'drizzle-orm';
import type { Orm } from '../../db/client';
import { PHASE_IDS, phaseIndex, type PhaseId, QUOTE_PHASE, CUSTOMER_PHASE } from '../../../shared/phases';
import { ownerFilter, rate, type Scope } from './scope';

/** SQL: this phase_reaches row is its account's first reach of the phase inside the period (prev_at: schema.ts). */
export const firstInPeriod = (s: Pick<Scope, 'from'>) => sql`(prev_at is null or prev_at < ${s.from})`;

/** SQL: the reach rows of a phase's cohort in the period, for the scope's account manager if any. */
const cohortRows = (s: Scope, phase: number) =>
  sql`team_id = ${s.teamId} and phase_idx = ${phase} and at >= ${s.from} and at < ${s.to} and ${firstInPeriod(s)}${ownerFilter(s, sql`owner_id`)}`;

export interface OwnerCohort {
  ownerId: string | null;
  cohort: number;
  converted: number;
}

/**
 * Of the accounts that first reached `phase` in the period, how many went on
 * to a later phase by the period's end: `left_at` of that first reach says
 * when. One range of the cohort index, per account manager (at the time of
 * the reach): the team's figure is their sum.
 */
export async function cohortByOwner(db: Orm, s: Scope, phase: number): Promise<OwnerCohort[]> {
  const rows = await db.all<{ ownerId: string | null; cohort: number; converted: number | null }>(sql`
    select owner_id as ownerId, count(*) as cohort, sum(left_at is not null and left_at < ${s.to}) as converted
    from phase_reaches where ${cohortRows(s, phase)}
    group by owner_id`);
  return rows.map((r) => ({ ownerId: r.ownerId, cohort: Number(r.cohort), converted: Number(r.converted ?? 0) }));
}

const total = (rows: OwnerCohort[]) => ({ cohort: rows.reduce((n, r) => n + r.cohort, 0), converted: rows.reduce((n, r) => n + r.converted, 0) });

/** The same without the split per owner (a sort the counts alone do not need). */
export async function cohort(db: Orm, s: Scope, phase: number) {
  const row = await db.get<{ cohort: number; converted: number | null }>(sql`
    select count(*) as cohort, sum(left_at is not null and left_at < ${s.to}) as converted
    from phase_reaches where ${cohortRows(s, phase)}`);
  return { cohort: Number(row?.cohort ?? 0), converted: Number(row?.converted ?? 0) };
}

/** Of the accounts that first reached `phase` in the period, how many reached a phase at index ≥ `target` at or after that, by the period's end. */
export async function reachedLater(db: Orm, s: Scope, phase: number, target: number) {
  const row = await db.get<{ cohort: number; converted: number | null }>(sql`
    select count(*) as cohort,
           sum(exists(select 1 from phase_reaches r2
                      where r2.account_id = c.account_id and r2.phase_idx >= ${target} and r2.at >= c.first_at and r2.at < ${s.to})) as converted
    from (select account_id, at as first_at from phase_reaches where ${cohortRows(s, phase)}) c`);
  return { cohort: Number(row?.cohort ?? 0), converted: Number(row?.converted ?? 0) };
}

export async function funnel(db: Orm, s: Scope) {
  const phases = [];
  /** per phase, the cohorts per account manager: the team's split, when no manager is chosen (else empty) */
  const perOwner: OwnerCohort[][] = [];
  for (const [i, phase] of PHASE_IDS.entries()) {
    // the cohort of P is exactly the accounts that reached P in the period: Reached(P)
    // the team's split per owner feeds the per-rep table; one manager's funnel needs only the counts
    const rows = s.ownerId ? null : await cohortByOwner(db, s, i);
    if (rows) perOwner.push(rows);
    const c = rows ? total(rows) : await cohort(db, s, i);
    phases.push({
      phase: phase as PhaseId,
      reached: c.cohort,
      conversion: i < PHASE_IDS.length - 1 ? { ...c, rate: rate(c.converted, c.cohort) } : null,
    });
  }
  const quotes = await reachedLater(db, s, phaseIndex(QUOTE_PHASE), phaseIndex(CUSTOMER_PHASE));
  return { phases, perOwner, winRate: { quotes: quotes.cohort, won: quotes.converted, rate: rate(quotes.converted, quotes.cohort) } };
}
