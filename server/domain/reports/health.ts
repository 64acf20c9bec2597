/** Pipeline value and relationship health: complaints, annual reviews, attention, referrals. */
import { sql } from 'drizzle-orm';
import type { Orm } from '../../db/client';
import { ANNUAL_REVIEW_DUE_MS, COMPLAINT_TYPES, PIPELINE_PHASES, REPEAT_PHASES, CARE_PHASES, type PhaseId } from '../../../shared/phases';
import { DAY_MS, days, oneOf, ownerFilter, percentile, type Scope } from './scope';
import { pairComplaints } from '../care';
import { accountDays, before, dayOfRank, newestFirst, total } from './day-counts';

/**
 * Sum of the latest quote's amount of each account in negotiation or closing, per currency, from the
 * counts kept on write (account_counts); to the cent, as adding and taking off amounts may leave less.
 */
export async function pipeline(db: Orm, s: Scope) {
  const rows = await db.all<{ currency: string; amount: number; accounts: number }>(sql`
    select currency, sum(amount) as amount, sum(accounts) as accounts from account_counts
    where team_id = ${s.teamId} and currency <> '' and ${oneOf(sql`phase`, PIPELINE_PHASES)}${ownerFilter(s, sql`owner_id`)}
    group by currency having sum(accounts) > 0 order by currency`);
  return rows.map((r) => ({ currency: r.currency, amount: Math.round(Number(r.amount) * 100) / 100, accounts: Number(r.accounts) }));
}

export async function relationshipHealth(db: Orm, s: Scope) {
  const complaints = await db.all<{ id: string | null; type: string; at: number }>(sql`
    select json_extract(x.data, '$.complaintId') as id, x.type as type, x.occurred_at as at
    from activities x ${s.ownerId ? sql`join accounts a on a.id = x.account_id` : sql``}
    where x.team_id = ${s.teamId} and ${oneOf(sql`x.type`, COMPLAINT_TYPES)} and x.occurred_at < ${s.to}${ownerFilter(s, sql`a.owner_id`)}
    order by x.occurred_at`);
  const { open: opened, resolveTimes } = pairComplaints(
    complaints.map((c) => ({ complaintId: c.id, type: c.type, at: Number(c.at) })),
    s.from,
  );

  const { care, medianContact } = await careFigures(db, s);
  const repeat = care.filter((c) => REPEAT_PHASES.includes(c.phase));
  const reviews = { accounts: repeat.reduce((t, c) => t + c.n, 0), overdue: repeat.reduce((t, c) => t + c.overdue, 0) };

  const referrals = await db.get<{ n: number | null }>(sql`
    select sum(d.count) as n from activity_daily d
    where d.team_id = ${s.teamId} and d.type = 'referral' and d.day >= ${Math.floor(s.from / DAY_MS)} and d.day < ${Math.ceil(s.to / DAY_MS)}${ownerFilter(s, sql`d.user_id`)}`);

  return {
    openComplaints: opened.size,
    medianDaysToResolve: days(percentile(resolveTimes, 0.5)),
    annualReviews: reviews,
    medianDaysSinceLastContact: days(medianContact),
    referralsGiven: Number(referrals?.n ?? 0),
  };
}

/**
 * The accounts in care (created by the report's moment) per phase, how many of them are due their annual
 * review (none in the last year, counted from their coming into the phase), and the median time since their
 * last contact — from the days counted on write (day-counts.ts), each finished from one day's accounts.
 */
async function careFigures(db: Orm, s: Scope) {
  const caring = sql`a.team_id = ${s.teamId} and a.archived_at is null and a.created_at <= ${s.ref} and ${oneOf(sql`a.phase`, CARE_PHASES)}${ownerFilter(s, sql`a.owner_id`)}`;
  const due = s.ref - ANNUAL_REVIEW_DUE_MS;
  const dueDay = Math.floor(due / DAY_MS);
  const reviewDays = await accountDays(db, s, 'review', CARE_PHASES);
  // due on the cut's own day: reviewed, or (never reviewed) in the phase since, before the cut
  const onDueDay = await db.all<{ phase: PhaseId; n: number }>(sql`
    select phase, sum(n) as n from (
      select a.phase as phase, count(*) as n from accounts a indexed by accounts_team_review
      where ${caring} and a.last_review_at >= ${dueDay * DAY_MS} and a.last_review_at < ${due} group by a.phase
      union all
      select a.phase as phase, count(*) as n from accounts a indexed by accounts_team_phase_since
      where ${caring} and a.phase_since >= ${dueDay * DAY_MS} and a.phase_since < ${due} and a.last_review_at is null group by a.phase)
    group by phase`);
  const care = CARE_PHASES.map((phase) => ({
    phase,
    n: total(reviewDays.get(phase)),
    overdue: before(reviewDays.get(phase), dueDay) + Number(onDueDay.find((r) => r.phase === phase)?.n ?? 0),
  })).filter((c) => c.n > 0);

  // the median last contact, newest first; never contacted (day -1) come last, as SQL orders null
  const n = care.reduce((t, c) => t + c.n, 0);
  const at = n ? dayOfRank(newestFirst(await accountDays(db, s, 'contact', CARE_PHASES), CARE_PHASES), Math.ceil(0.5 * n) - 1) : null;
  let medianContact: number | null = null;
  if (at && at.day >= 0) {
    const row = await db.get<{ d: number }>(sql`
      select ${s.ref} - a.last_activity_at as d from accounts a indexed by accounts_team_last_activity
      where ${caring} and a.last_activity_at >= ${at.day * DAY_MS} and a.last_activity_at < ${(at.day + 1) * DAY_MS}
      order by a.last_activity_at desc limit 1 offset ${at.rank}`);
    medianContact = row ? Number(row.d) : null;
  }
  return { care, medianContact };
}
