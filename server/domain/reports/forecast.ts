/**
 * Expected revenue per month for this month and the next two, from the
 * team's own history instead of hand-set stage probabilities: each open
 * quote (an account in negotiation or closing) counts with the measured
 * share of accounts in its phase that became customer over the last 12
 * months, spread over the months in which those customers closed, given how
 * long this account has waited already. The range is the 80 % interval of
 * that measured share (Wilson), so a small history shows a wide range.
 */
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { Orm } from '../../db/client';
import { accounts } from '../../db/schema';
import { CUSTOMER_PHASE, PIPELINE_PHASES, phaseIndex, type PhaseId } from '../../../shared/phases';
import { firstInPeriod, reachedLater } from './funnel';
import { DAY_MS, ownerFilter, rate, type Scope } from './scope';

const YEAR_MS = 365 * DAY_MS;
const MONTHS = 3;
const Z = 1.2816; // 80 %

/** The Wilson score interval of a share measured on n accounts. */
export function wilson(k: number, n: number): { low: number; high: number } {
  if (!n) return { low: 0, high: 1 };
  const p = k / n;
  const z2 = Z * Z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Days from first reaching the phase to becoming customer, for the accounts of the last year that did. */
async function daysToClose(db: Orm, s: Scope, phase: number, from: number): Promise<number[]> {
  const rows = await db.all<{ d: number | null }>(sql`
    select (select min(r2.at) from phase_reaches r2 where r2.account_id = c.account_id and r2.phase_idx >= ${phaseIndex(CUSTOMER_PHASE)} and r2.at >= c.first_at and r2.at < ${s.ref}) - c.first_at as d
    from (select account_id, at as first_at from phase_reaches
          where team_id = ${s.teamId} and phase_idx = ${phase} and at >= ${from} and at < ${s.ref} and ${firstInPeriod({ from })}${ownerFilter(s, sql`owner_id`)}) c`);
  return rows.filter((r) => r.d !== null).map((r) => Number(r.d) / DAY_MS);
}

const monthKey = (t: number) => new Date(t).toISOString().slice(0, 7);
const monthStart = (t: number, plus: number) => {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + plus, 1);
};

export async function forecast(db: Orm, s: Scope) {
  const from = s.ref - YEAR_MS;
  const history = new Map<PhaseId, { cohort: number; converted: number; rate: number | null; low: number; high: number; days: number[] }>();
  for (const phase of PIPELINE_PHASES) {
    const c = await reachedLater(db, { ...s, from, to: s.ref }, phaseIndex(phase), phaseIndex(CUSTOMER_PHASE));
    history.set(phase, { ...c, rate: rate(c.converted, c.cohort), ...wilson(c.converted, c.cohort), days: await daysToClose(db, s, phaseIndex(phase), from) });
  }
  const open = await db
    .select({ id: accounts.id, phase: accounts.phase, since: accounts.phaseSince, amount: accounts.latestQuoteAmount, currency: accounts.latestQuoteCurrency })
    .from(accounts)
    .where(
      and(
        eq(accounts.teamId, s.teamId),
        inArray(accounts.phase, [...PIPELINE_PHASES]),
        isNull(accounts.archivedAt),
        isNotNull(accounts.latestQuoteAmount),
        ...(s.ownerId ? [eq(accounts.ownerId, s.ownerId)] : []),
      ),
    )
    .all();
  const months = Array.from({ length: MONTHS }, (_, i) => monthKey(monthStart(s.ref, i)));
  const end = monthStart(s.ref, MONTHS);
  const byCurrency = new Map<string, { month: string; expected: number; low: number; high: number }[]>();
  let counted = 0;
  for (const a of open) {
    const h = history.get(a.phase);
    if (!h || h.rate === null || !h.days.length) continue;
    counted++;
    const waited = (s.ref - a.since) / DAY_MS;
    // the closes of the past that took longer than this account has waited; none left means it is due now
    const remaining = h.days.filter((d) => d > waited).map((d) => d - waited);
    const spread = remaining.length ? remaining : [0];
    const rows = byCurrency.get(a.currency ?? 'EUR') ?? months.map((month) => ({ month, expected: 0, low: 0, high: 0 }));
    for (const r of spread) {
      const at = s.ref + r * DAY_MS;
      if (at >= end) continue;
      const row = rows[months.indexOf(monthKey(at))]!;
      const share = a.amount! / spread.length;
      row.expected += share * h.rate;
      row.low += share * h.low;
      row.high += share * h.high;
    }
    byCurrency.set(a.currency ?? 'EUR', rows);
  }
  return {
    months,
    openQuotes: open.length,
    counted,
    byCurrency: [...byCurrency].map(([currency, rows]) => ({
      currency,
      rows: rows.map((r) => ({ ...r, expected: Math.round(r.expected), low: Math.round(r.low), high: Math.round(r.high) })),
    })),
    basis: PIPELINE_PHASES.map((phase) => {
      const h = history.get(phase)!;
      const sorted = [...h.days].sort((x, y) => x - y);
      return {
        phase,
        cohort: h.cohort,
        converted: h.converted,
        rate: h.rate,
        medianDaysToClose: sorted.length ? Math.round(sorted[Math.floor((sorted.length - 1) / 2)]!) : null,
      };
    }),
  };
}
