/**
 * Waited "too long" in a phase: longer than the phase's stale threshold from
 * the team's history, or DEFAULT_WAIT_DAYS without history. Counted in the
 * accounts pass, named in the leaks.
 */
import { sql } from 'drizzle-orm';
import { PHASE_IDS, type PhaseId } from '../../../shared/phases';
import { byPhase, DAY_MS, type Scope } from './scope';

const DEFAULT_WAIT_DAYS = 30;

/** In whole days. */
export const waitDaysOf = (thresholds: Map<PhaseId, number | null>, phase: PhaseId) => Math.round(thresholds.get(phase) ?? DEFAULT_WAIT_DAYS);

/** Per phase: an account in it since before this has waited too long. */
export const waitingSince = (s: Scope, thresholds: Map<PhaseId, number | null>) =>
  new Map(PHASE_IDS.map((p) => [p, s.ref - waitDaysOf(thresholds, p) * DAY_MS]));

/** SQL that is 1 for an account (alias `a`) that has waited too long in its phase. */
export const waitingSql = (since: Map<PhaseId, number>) => sql`(a.phase_since < ${byPhase(PHASE_IDS, (p) => since.get(p)!)})`;
