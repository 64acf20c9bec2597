/** Activities per account manager per week, by type, and the weekly trend, from the daily counts. */
import { sql } from 'drizzle-orm';
import type { Orm } from '../../db/client';
import type { ActivityType } from '../../../shared/phases';
import { DAY_MS, ownerFilter, type Scope } from './scope';

const WEEK_DAYS = 7;

export async function activity(db: Orm, s: Scope) {
  const fromDay = Math.floor(s.from / DAY_MS);
  const toDay = Math.ceil(s.to / DAY_MS);
  const weeks = Math.max(1, (toDay - fromDay) / WEEK_DAYS);
  const rows = await db.all<{ userId: string; name: string | null; type: ActivityType; n: number }>(sql`
    select d.user_id as userId, u.name as name, d.type as type, sum(d.count) as n
    from activity_daily d left join users u on u.id = d.user_id
    where d.team_id = ${s.teamId} and d.day >= ${fromDay} and d.day < ${toDay}${ownerFilter(s, sql`d.user_id`)}
    group by d.user_id, d.type`);
  const users = new Map<string, { userId: string; name: string; total: number; perWeek: number; byType: Partial<Record<ActivityType, number>> }>();
  for (const r of rows) {
    const u = users.get(r.userId) ?? { userId: r.userId, name: r.name ?? '', total: 0, perWeek: 0, byType: {} };
    u.total += Number(r.n);
    u.byType[r.type] = Math.round((Number(r.n) / weeks) * 10) / 10;
    users.set(r.userId, u);
  }
  for (const u of users.values()) u.perWeek = Math.round((u.total / weeks) * 10) / 10;
  const trend = await db.all<{ week: number; n: number }>(sql`
    select cast((d.day - ${fromDay}) / ${WEEK_DAYS} as integer) as week, sum(d.count) as n from activity_daily d
    where d.team_id = ${s.teamId} and d.day >= ${fromDay} and d.day < ${toDay}${ownerFilter(s, sql`d.user_id`)}
    group by week order by week`);
  const counts = new Map(trend.map((t) => [Number(t.week), Number(t.n)]));
  return {
    weeks: Math.round(weeks * 10) / 10,
    byUser: [...users.values()].sort((a, b) => b.total - a.total),
    // the last week of a period that is not a whole number of weeks has fewer days: it says so, and is not a drop
    // (a period ending now ends in a week still under way: its days so far, to a tenth)
    trend: Array.from({ length: Math.ceil(weeks) }, (_, w) => {
      const weekStart = (fromDay + w * WEEK_DAYS) * DAY_MS;
      const exact = Math.min(WEEK_DAYS, (s.to - weekStart) / DAY_MS);
      // to a tenth, down: 6.97 days rounded would read as a whole week (7) still marked partial
      return { weekStart, days: Math.floor(exact * 10) / 10, partial: exact < WEEK_DAYS, count: counts.get(w) ?? 0 };
    }),
  };
}
