/**
 * The funnel per selection: for the lists and sources whose accounts came in
 * during the period (a KvK selection, a fair list, LinkedIn, a web form), how
 * many of those accounts reached each phase since. A selection is a cohort:
 * it is followed to wherever its accounts went, not cut at the period's end.
 * Counted per day the accounts came in, on write (selection_days).
 */
import { sql } from 'drizzle-orm';
import type { Orm } from '../../db/client';
import { PHASE_IDS } from '../../../shared/phases';
import { dayParts, ownerFilter, type Scope } from './scope';

const SELECTIONS_SHOWN = 12;

export async function selections(db: Orm, s: Scope) {
  // whole UTC days from the day counts (selection_days), the parts of a day at the period's ends from the accounts themselves
  const { days, parts } = dayParts(s.from, s.to);
  const rows = days
    ? await db.all<{ source: string; idx: number; n: number }>(sql`
        select source, phase_idx as idx, sum(accounts) as n from selection_days indexed by selection_days_sums
        where team_id = ${s.teamId} and day >= ${days[0]} and day < ${days[1]}${ownerFilter(s, sql`owner_id`)}
        group by source, phase_idx`)
    : [];
  for (const [x, y] of parts) {
    rows.push(
      ...(await db.all<{ source: string; idx: number; n: number }>(sql`
        select a.source as source, r.phase_idx as idx, count(*) as n
        -- each account's first reach of a phase (prev_at null) counts it once, without a distinct
        from accounts a indexed by accounts_team_created join phase_reaches r on r.account_id = a.id and r.prev_at is null
        where a.team_id = ${s.teamId} and a.created_at >= ${x} and a.created_at < ${y} and a.source is not null${ownerFilter(s, sql`a.owner_id`)}
        group by a.source, r.phase_idx`)),
    );
  }
  const bySource = new Map<string, number[]>();
  for (const r of rows) {
    const counts = bySource.get(r.source) ?? PHASE_IDS.map(() => 0);
    counts[Number(r.idx)]! += Number(r.n);
    bySource.set(r.source, counts);
  }
  // every account reaches the first phase when it is created: that count is the selection's size
  return [...bySource]
    .map(([source, reached]) => ({ source, accounts: reached[0]!, reached: PHASE_IDS.map((phase, i) => ({ phase, count: reached[i]! })) }))
    .sort((a, b) => b.accounts - a.accounts || a.source.localeCompare(b.source))
    .slice(0, SELECTIONS_SHOWN);
}
