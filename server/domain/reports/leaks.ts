/**
 * Where the process leaks: per phase, this period's conversion against the
 * team's own trailing 12 months (and, for one rep, against the whole team),
 * and the open accounts that have waited longer than the phase usually
 * takes. The three phases that lose most are named, with their accounts.
 */
import { sql } from 'drizzle-orm';
import type { Orm } from '../../db/client';
import { PHASE_IDS, type PhaseId } from '../../../shared/phases';
import { cohortCounts, phaseTotal } from './cohort-counts';
import { DAY_MS, ownerFilter, rate, type Scope } from './scope';
import type { AccountsPassRow } from './accounts-pass';
import { waitDaysOf, waitingSince } from './waiting';

const YEAR_MS = 365 * DAY_MS;
/** below this many accounts a conversion rate says little: it is not compared */
const MIN_COHORT = 3;
const LEAKS = 3;
const ACCOUNTS_SHOWN = 5;

export interface Leak {
  phase: PhaseId;
  next: PhaseId;
  /** this period's cohort and how many went on */
  cohort: number;
  rate: number | null;
  /** the same over the 12 months before the period */
  baselineCohort: number;
  baselineRate: number | null;
  /** for one account manager: the whole team's rate in the period */
  teamRate: number | null;
  waitDays: number;
  waiting: number;
  accounts: { id: string; name: string; days: number }[];
  /** accounts lost against the baseline, plus those waiting: what the ranking weighs */
  score: number;
}

/**
 * `period` is the funnel's conversion per phase for the same scope (funnel.ts), `pass` the accounts pass
 * (its `waiting` as waiting.ts says): computed once, read here.
 */
export async function leaks(
  db: Orm,
  s: Scope,
  thresholds: Map<PhaseId, number | null>,
  period: { conversion: { cohort: number; converted: number } | null }[],
  pass: AccountsPassRow[],
): Promise<Leak[]> {
  const out: Leak[] = [];
  const baseline = await cohortCounts(db, { ...s, from: s.from - YEAR_MS, to: s.from });
  const wholeTeam = s.ownerId ? await cohortCounts(db, { ...s, ownerId: null }) : null;
  const waitingFrom = waitingSince(s, thresholds);
  for (const [i, phase] of PHASE_IDS.slice(0, -1).entries()) {
    const now = period[i]!.conversion!;
    const before = phaseTotal(baseline, i);
    const team = wholeTeam ? phaseTotal(wholeTeam, i) : null;
    const waitDays = waitDaysOf(thresholds, phase);
    // how many wait (counted in the accounts pass), and the longest-waiting few by name
    const waiting = pass.reduce((n, r) => n + (r.phase === phase ? r.waiting : 0), 0);
    const waitingRows = waiting
      ? await db.all<{ id: string; name: string; since: number }>(sql`
          select a.id, a.name, a.phase_since as since from accounts a indexed by accounts_team_phase_since
          where a.team_id = ${s.teamId} and a.phase = ${phase} and a.archived_at is null and a.created_at <= ${s.ref} and a.phase_since < ${waitingFrom.get(phase)!}${ownerFilter(s, sql`a.owner_id`)}
          order by a.phase_since limit ${ACCOUNTS_SHOWN}`)
      : [];
    const r = rate(now.converted, now.cohort);
    const baselineRate = before.cohort >= MIN_COHORT ? rate(before.converted, before.cohort) : null;
    const lost = r !== null && baselineRate !== null && now.cohort >= MIN_COHORT ? Math.max(0, (baselineRate - r) * now.cohort) : 0;
    out.push({
      phase,
      next: PHASE_IDS[i + 1] as PhaseId,
      cohort: now.cohort,
      rate: r,
      baselineCohort: before.cohort,
      baselineRate,
      teamRate: team ? rate(team.converted, team.cohort) : null,
      waitDays,
      waiting,
      accounts: waitingRows.map((a) => ({ id: a.id, name: a.name, days: Math.floor((s.ref - Number(a.since)) / DAY_MS) })),
      score: lost + waiting,
    });
  }
  // the three that lose most; ties go to the earlier phase (a leak early in the funnel starves every later one)
  return out
    .map((l, i) => ({ l, i }))
    .sort((a, b) => b.l.score - a.l.score || a.i - b.i)
    .slice(0, LEAKS)
    .map(({ l }) => l);
}
