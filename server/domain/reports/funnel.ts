/**
 * Reached(P), Conversion(P) and the win rate, from phase_reaches (every
 * phase an event moved an account into, skipped phases included).
 */
import { sql } from 'drizzle-orm';
import type { Orm } from '../../db/client';
import { PHASE_IDS, phaseIndex, type PhaseId, QUOTE_PHASE, CUSTOMER_PHASE } from '../../../shared/phases';
import { ownerFilter, rate, type Scope } from './scope';


/**
 * Of the accounts that first reached `phase` in the period, how many went on
 * to a later phase by the period's end: `left_at` of that first reach says
 * when (SQLite takes the bare column from the row that holds the min).
 */
export async function cohort(db: Orm, s: Scope, phase: number) {
  const row = await db.get<{ cohort: number; converted: number | null }>(sql`
    select count(*) as cohort, sum(c.left_at is not null and c.left_at < ${s.to}) as converted
    from (select account_id, min(at) as first_at, left_at from phase_reaches
          where team_id = ${s.teamId} and phase_idx = ${phase} and at >= ${s.from} and at < ${s.to}${ownerFilter(s, sql`owner_id`)}
          group by account_id) c`);
  return { cohort: Number(row?.cohort ?? 0), converted: Number(row?.converted ?? 0) };
}

/** Of the accounts that first reached `phase` in the period, how many reached a phase at index ≥ `target` at or after that, by the period's end. */
export async function reachedLater(db: Orm, s: Scope, phase: number, target: number) {
  const row = await db.get<{ cohort: number; converted: number | null }>(sql`
    select count(*) as cohort,
           sum(exists(select 1 from phase_reaches r2
                      where r2.account_id = c.account_id and r2.phase_idx >= ${target} and r2.at >= c.first_at and r2.at < ${s.to})) as converted
    from (select account_id, min(at) as first_at from phase_reaches
          where team_id = ${s.teamId} and phase_idx = ${phase} and at >= ${s.from} and at < ${s.to}${ownerFilter(s, sql`owner_id`)}
          group by account_id) c`);
  return { cohort: Number(row?.cohort ?? 0), converted: Number(row?.converted ?? 0) };
}

export async function funnel(db: Orm, s: Scope) {
  const phases = [];
  for (const [i, phase] of PHASE_IDS.entries()) {
    // the cohort of P is exactly the accounts that reached P in the period: Reached(P)
    const c = await cohort(db, s, i);
    phases.push({
      phase: phase as PhaseId,
      reached: c.cohort,
      conversion: i < PHASE_IDS.length - 1 ? { ...c, rate: rate(c.converted, c.cohort) } : null,
    });
  }
  const quotes = await reachedLater(db, s, phaseIndex(QUOTE_PHASE), phaseIndex(CUSTOMER_PHASE));
  return { phases, winRate: { quotes: quotes.cohort, won: quotes.converted, rate: rate(quotes.converted, quotes.cohort) } };
}
