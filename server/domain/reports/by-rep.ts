/**
 * Conversion per account manager: for each rep, of the accounts that reached
 * each phase in the period under them, the share that went on (the funnel's
 * Conversion(P), per owner at the time of reaching), for the whole team: a
 * manager compares reps with each other. The same index ranges as the funnel.
 */
import { inArray } from 'drizzle-orm';
import type { Orm } from '../../db/client';
import { users } from '../../db/schema';
import { PHASE_IDS, type PhaseId } from '../../../shared/phases';
import { cohortCounts, type CohortCounts, type Counts } from './cohort-counts';
import { rate, type Scope } from './scope';

export interface RepConversion {
  ownerId: string;
  name: string;
  phases: { phase: PhaseId; cohort: number; converted: number; rate: number | null }[];
}

/** `teamCohorts`: the funnel's cohorts per owner for the whole team, when it computed them already (no manager chosen). */
export async function conversionByRep(db: Orm, s: Scope, teamCohorts?: CohortCounts | null): Promise<RepConversion[]> {
  const counts = teamCohorts ?? (await cohortCounts(db, { ...s, ownerId: null }));
  const perPhase = PHASE_IDS.slice(0, -1).map((_, i) => counts.get(i) ?? new Map<string | null, Counts>());
  // a rep is in the table for the phases whose cohort they have members of
  const ids = [...new Set(perPhase.flatMap((m) => [...m].filter(([, c]) => c.cohort > 0).map(([id]) => id)))].filter((id): id is string => id !== null);
  if (!ids.length) return [];
  const names = new Map((await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)).all()).map((u) => [u.id, u.name]));
  return ids
    .map((ownerId) => ({
      ownerId,
      name: names.get(ownerId) ?? '',
      phases: perPhase.map((m, i) => {
        const r = m.get(ownerId);
        return { phase: PHASE_IDS[i] as PhaseId, cohort: r?.cohort ?? 0, converted: r?.converted ?? 0, rate: rate(r?.converted ?? 0, r?.cohort ?? 0) };
      }),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
