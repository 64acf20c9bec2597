/**
 * Conversion per account manager: for each rep, of the accounts that reached
 * each phase in the period under them, the share that went on (the funnel's
 * Conversion(P), per owner at the time of reaching). One grouped read over
 * phase_reaches, for the whole team: a manager compares reps with each other.
 */
import { inArray, sql } from 'drizzle-orm';
import type { Orm } from '../../db/client';
import { users } from '../../db/schema';
import { PHASE_IDS, type PhaseId } from '../../../shared/phases';
import { rate, type Scope } from './scope';

export interface RepConversion {
  ownerId: string;
  name: string;
  phases: { phase: PhaseId; cohort: number; converted: number; rate: number | null }[];
}

export async function conversionByRep(db: Orm, s: Scope): Promise<RepConversion[]> {
  const rows = await db.all<{ ownerId: string; idx: number; cohort: number; converted: number | null }>(sql`
    select c.owner_id as ownerId, c.phase_idx as idx, count(*) as cohort, sum(c.left_at is not null and c.left_at < ${s.to}) as converted
    from (select account_id, phase_idx, owner_id, min(at) as first_at, left_at from phase_reaches
          where team_id = ${s.teamId} and at >= ${s.from} and at < ${s.to} and owner_id is not null and phase_idx < ${PHASE_IDS.length - 1}
          group by account_id, phase_idx) c
    group by c.owner_id, c.phase_idx`);
  const ids = [...new Set(rows.map((r) => r.ownerId))];
  if (!ids.length) return [];
  const names = new Map((await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)).all()).map((u) => [u.id, u.name]));
  const cell = new Map(rows.map((r) => [`${r.ownerId}:${r.idx}`, r]));
  return ids
    .map((ownerId) => ({
      ownerId,
      name: names.get(ownerId) ?? '',
      phases: PHASE_IDS.slice(0, -1).map((phase, i) => {
        const r = cell.get(`${ownerId}:${i}`);
        const cohort = Number(r?.cohort ?? 0);
        const converted = Number(r?.converted ?? 0);
        return { phase: phase as PhaseId, cohort, converted, rate: rate(converted, cohort) };
      }),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
