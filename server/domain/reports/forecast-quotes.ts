/**
 * The open quotes of a pipeline phase (open accounts with a latest quote
 * amount) counted and summed per currency and per range of the moment they
 * came into the phase, for the forecast: from the counts per day kept on write
 * (quote_days), with the quotes themselves read only for the days a range
 * ends inside. A large team's 28,000 quotes of a phase were read one by one
 * (~10 ms a phase, more when cold); their days are a few hundred rows.
 */
import { sql } from 'drizzle-orm';
import type { Orm } from '../../db/client';
import type { PhaseId } from '../../../shared/phases';
import { DAY_MS, ownerFilter, type Scope } from './scope';

export interface RangeSum {
  /** the range's index in the list given */
  k: number;
  currency: string;
  amount: number;
  quotes: number;
}

/**
 * The sums per range [lo, hi) of `ranges` (ascending, each starting where the
 * one before ends, covering every moment) and currency; ranges and
 * currencies without quotes are left out.
 */
export async function quotesPerRange(db: Orm, s: Pick<Scope, 'teamId' | 'ownerId'>, phase: PhaseId, ranges: [number, number][]): Promise<RangeSum[]> {
  const sums = new Map<string, RangeSum>();
  const add = (k: number, currency: string, quotes: number, amount: number) => {
    const key = `${k} ${currency}`;
    const sum = sums.get(key) ?? sums.set(key, { k, currency, amount: 0, quotes: 0 }).get(key)!;
    sum.quotes += quotes;
    sum.amount += amount;
  };
  /** the range a moment falls in: the last that starts at or before it */
  const rangeOf = (t: number) => {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ranges[mid]![0] <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  const row = await db.get<{ days: string }>(sql`
    select json_group_array(json_array(day, currency, n, amount)) as days from quote_days
    where team_id = ${s.teamId} and phase = ${phase} and owner_id = ${s.ownerId ?? '*'} and n <> 0`);
  const cut = new Set<number>();
  for (const [day, currency, n, amount] of JSON.parse(row?.days ?? '[]') as [number, string, number, number][]) {
    const k = rangeOf(day * DAY_MS);
    if (k === rangeOf(day * DAY_MS + DAY_MS - 1)) add(k, currency, n, amount);
    else cut.add(day);
  }
  if (cut.size) {
    // a range ends inside these days: their quotes one by one, each to its range (one index range per day)
    const quotes = await db.get<{ quotes: string }>(sql`
      select json_group_array(json_array(a.phase_since, coalesce(a.latest_quote_currency, 'EUR'), a.latest_quote_amount)) as quotes
      from json_each(${JSON.stringify([...cut])}) d cross join accounts a indexed by accounts_team_quotes
      where a.team_id = ${s.teamId} and a.phase = ${phase} and a.phase_since >= d.value * ${DAY_MS} and a.phase_since < (d.value + 1) * ${DAY_MS}
        and a.archived_at is null and a.latest_quote_amount is not null${ownerFilter(s, sql`a.owner_id`)}`);
    for (const [since, currency, amount] of JSON.parse(quotes?.quotes ?? '[]') as [number, string, number][]) add(rangeOf(since), currency, 1, amount);
  }
  return [...sums.values()].filter((r) => r.quotes);
}
