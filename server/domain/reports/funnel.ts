/**
 * Reached(P), Conversion(P) and the win rate, from phase_reaches (every
 * phase an event moved an account into, skipped phases included) and its
 * day counts (cohort-counts.ts).
 */
import { sql } from 'drizzle-orm';
import type { Orm } from '../../db/client';
import { PHASE_IDS, phaseIndex, type PhaseId, QUOTE_PHASE } from '../../../shared/phases';
import { cohortCounts, phaseTotal, type CohortCounts } from './cohort-counts';
import { ownerFilter, rate, type Scope } from './scope';

/** SQL: this phase_reaches row is its account's first reach of the phase inside the period (prev_at: schema.ts). */
export const firstInPeriod = (s: Pick<Scope, 'from'>) => sql`(prev_at is null or prev_at < ${s.from})`;

/**
 * Of the quotes (first reaches of the quote phase in the period), how many
 * reached customer or a later phase by the period's end: won_at of the reach
 * says when, so this is one range of the cohort index.
 */
async function winRate(db: Orm, s: Scope) {
  const row = await db.get<{ quotes: number; won: number | null }>(sql`
    select count(*) as quotes, sum(won_at is not null and won_at < ${s.to}) as won from phase_reaches
    where team_id = ${s.teamId} and phase_idx = ${phaseIndex(QUOTE_PHASE)} and at >= ${s.from} and at < ${s.to} and ${firstInPeriod(s)}${ownerFilter(s, sql`owner_id`)}`);
  const quotes = Number(row?.quotes ?? 0);
  const won = Number(row?.won ?? 0);
  return { quotes, won, rate: rate(won, quotes) };
}

export async function funnel(db: Orm, s: Scope) {
  // the cohort of P is exactly the accounts that reached P in the period: Reached(P)
  const counts = await cohortCounts(db, s);
  const phases = PHASE_IDS.map((phase, i) => {
    const c = phaseTotal(counts, i);
    return {
      phase: phase as PhaseId,
      reached: c.cohort,
      conversion: i < PHASE_IDS.length - 1 ? { ...c, rate: rate(c.converted, c.cohort) } : null,
    };
  });
  /** per phase and owner: the team's split when no manager is chosen, for the per-rep table */
  const perOwner: CohortCounts | null = s.ownerId ? null : counts;
  return { phases, perOwner, winRate: await winRate(db, s) };
}
