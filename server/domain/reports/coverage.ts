/**
 * Logging coverage, the "garbage in" figure: accounts in phases 2 to 5 with
 * an activity in the last 14 days (overall and per account manager), phase
 * changes backed by an evidence activity, and checklist completeness.
 */
import { sql } from 'drizzle-orm';
import type { Orm } from '../../db/client';
import { PHASES, type PhaseId } from '../../../shared/phases';
import { DAY_MS, ownerFilter, type Scope } from './scope';

const RECENT_MS = 14 * DAY_MS;
const ACTIVE_PHASES: PhaseId[] = ['prospect', 'conversation', 'negotiation', 'closing'];
const rate = (part: number, whole: number) => (whole ? part / whole : null);

/** SQL that is 1 when the account has filled this checklist item (see checklist.ts for the same rules). */
function filledSql(key: string, activityType?: string) {
  switch (key) {
    case 'address':
      return sql`(a.address is not null and a.postcode is not null and a.city is not null)`;
    case 'source':
      return sql`(a.source is not null)`;
    case 'industry':
      return sql`(a.industry is not null)`;
    case 'contactChannel':
      return sql`exists(select 1 from contacts c where c.account_id = a.id and (c.phone is not null or exists(select 1 from contact_emails e where e.contact_id = c.id)))`;
    case 'decisionRoles':
      return sql`exists(select 1 from contacts c where c.account_id = a.id and c.role in ('decision_maker', 'influencer'))`;
  }
  if (activityType) return sql`exists(select 1 from activities x where x.account_id = a.id and x.type = ${activityType})`;
  return sql`(json_extract(a.facts, ${`$.${key}`}) is not null and json_extract(a.facts, ${`$.${key}`}) <> '')`;
}

export async function coverage(db: Orm, s: Scope) {
  const recent = await db.all<{ ownerId: string | null; name: string | null; eligible: number; covered: number }>(sql`
    select a.owner_id as ownerId, u.name as name, count(*) as eligible,
           sum(coalesce(a.last_activity_at, 0) >= ${s.ref - RECENT_MS}) as covered
    from accounts a left join users u on u.id = a.owner_id
    where a.team_id = ${s.teamId} and a.archived_at is null and a.created_at <= ${s.ref} and a.phase in (${sql.join(ACTIVE_PHASES.map((p) => sql`${p}`), sql`, `)})${ownerFilter(s, sql`a.owner_id`)}
    group by a.owner_id`);
  const eligible = recent.reduce((n, r) => n + Number(r.eligible), 0);
  const covered = recent.reduce((n, r) => n + Number(r.covered), 0);

  const evidence = await db.get<{ changes: number; backed: number }>(sql`
    select count(*) as changes, count(pc.evidence_activity_id) as backed
    from phase_changes pc ${s.ownerId ? sql`join accounts a on a.id = pc.account_id` : sql``}
    where pc.team_id = ${s.teamId} and pc.at >= ${s.from} and pc.at < ${s.to}${ownerFilter(s, sql`a.owner_id`)}`);

  const checklist = [];
  for (const phase of PHASES) {
    const items = phase.checklist.map((i) => filledSql(i.key, i.activityType));
    const row = await db.get<{ accounts: number; filled: number | null }>(sql`
      select count(*) as accounts, sum(${sql.join(items, sql` + `)}) as filled from accounts a
      where a.team_id = ${s.teamId} and a.archived_at is null and a.created_at <= ${s.ref} and a.phase = ${phase.id}${ownerFilter(s, sql`a.owner_id`)}`);
    const n = Number(row?.accounts ?? 0);
    checklist.push({ phase: phase.id, accounts: n, completeness: rate(Number(row?.filled ?? 0), n * items.length) });
  }

  return {
    recentActivity: { eligible, covered, rate: rate(covered, eligible) },
    byOwner: recent.map((r) => ({ ownerId: r.ownerId, name: r.name ?? '', eligible: Number(r.eligible), covered: Number(r.covered), rate: rate(Number(r.covered), Number(r.eligible)) })),
    evidence: { changes: Number(evidence?.changes ?? 0), backed: Number(evidence?.backed ?? 0), rate: rate(Number(evidence?.backed ?? 0), Number(evidence?.changes ?? 0)) },
    checklist,
  };
}

