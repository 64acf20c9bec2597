/**
 * Where the process leaks: per phase, this period's conversion against the
 * team's own trailing 12 months (and, for one rep, against the whole team),
 * and the open accounts that have waited longer than the phase usually
 * takes. The three phases that lose most are named, with their accounts.
 */
import { sql } from 'drizzle-orm';
import type { Orm } from '../../db/client';
import { PHASE_IDS, type PhaseId } from '../../../shared/phases';
import { cohort } from './funnel';
import { DAY_MS, ownerFilter, rate, type Scope } from './scope';

const YEAR_MS = 365 * DAY_MS;
/** below this many accounts a conversion rate says little: it is not compared */
const MIN_COHORT = 3;
/** waited "too long": the phase's stale threshold from the team's history, or this when there is no history yet */
const DEFAULT_WAIT_DAYS = 30;
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

/** `period` is the funnel's conversion per phase for the same scope (funnel.ts): computed once, read here. */
export async function leaks(
  db: Orm,
  s: Scope,
  thresholds: Map<PhaseId, number | null>,
  period: { conversion: { cohort: number; converted: number } | null }[],
): Promise<Leak[]> {
  const out: Leak[] = [];
  for (const [i, phase] of PHASE_IDS.slice(0, -1).entries()) {
    const now = period[i]!.conversion!;
    const before = await cohort(db, { ...s, from: s.from - YEAR_MS, to: s.from, ref: s.from }, i);
    const team = s.ownerId ? await cohort(db, { ...s, ownerId: null }, i) : null;
    const waitDays = Math.round(thresholds.get(phase) ?? DEFAULT_WAIT_DAYS);
    // how many wait (from the covering index), and the longest-waiting few by name
    const waitingWhere = sql`a.team_id = ${s.teamId} and a.phase = ${phase} and a.archived_at is null and a.phase_since < ${s.ref - waitDays * DAY_MS}${ownerFilter(s, sql`a.owner_id`)}`;
    const waiting = Number((await db.get<{ n: number }>(sql`select count(*) as n from accounts a where ${waitingWhere}`))?.n ?? 0);
    const waitingRows = waiting
      ? await db.all<{ id: string; name: string; since: number }>(sql`
          select a.id, a.name, a.phase_since as since from accounts a where ${waitingWhere} order by a.phase_since limit ${ACCOUNTS_SHOWN}`)
      : [];
    const r = rate(now.converted, now.cohort);
    const baseline = before.cohort >= MIN_COHORT ? rate(before.converted, before.cohort) : null;
    const lost = r !== null && baseline !== null && now.cohort >= MIN_COHORT ? Math.max(0, (baseline - r) * now.cohort) : 0;
    out.push({
      phase,
      next: PHASE_IDS[i + 1] as PhaseId,
      cohort: now.cohort,
      rate: r,
      baselineCohort: before.cohort,
      baselineRate: baseline,
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
