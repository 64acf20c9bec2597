/**
 * A large team history written straight in SQL (the domain functions would
 * take hours for millions of rows): accounts walking through the phases,
 * activities along the way, and the derived reporting tables filled the way
 * the domain fills them on write.
 */
import type { Db } from '../../server/db/client';
import { createUser, authenticate } from '../../server/domain/auth';
import { PHASE_IDS } from '../../shared/phases';

const DAY = 86_400_000;
const USERS = 10;

export async function bigHistory(db: Db, o: { phaseChanges: number; activities: number; end: number }) {
  // the dashboard's heaviest view is a manager's over the whole team; a rep sees their own accounts
  const manager = await createUser(db, { email: 'bench-manager@bench.example', name: 'Bench Manager', team: 'Bench', role: 'manager' });
  const actor = (await authenticate(db, manager.token))!;
  const reps = [];
  for (let u = 0; u < USERS; u++) reps.push(await createUser(db, { email: `rep${u}@bench.example`, name: `Rep ${u}`, team: 'Bench' }));
  const userIds = reps.map((r) => r.userId);
  const repActor = (await authenticate(db, reps[0]!.token))!;
  // authenticating notes the token's use in a write of its own, queued (client.ts tryWrite): let it finish before
  // the bulk SQL below takes the file's write lock on another connection
  await db.write(async () => undefined);
  const accounts = Math.round(o.phaseChanges / 4.5); // paths of 1 to 8 phases: 4.5 on average
  const perAccount = o.activities / accounts; // activities per account on average
  const start = o.end - 2 * 365 * DAY;
  const c = db.client;
  const phaseCase = `case k ${PHASE_IDS.map((p, i) => `when ${i} then '${p}'`).join(' ')} end`;

  await c.execute(`create temp table gen as
    with recursive n(i) as (select 0 union all select i + 1 from n where i < ${accounts - 1})
    select i, lower(hex(randomblob(16))) as id,
           ${start} + cast(i as integer) * ${Math.floor((420 * DAY) / accounts)} as t0,
           (3 + i % 40) * ${DAY} as stay, 1 + i % 8 as l,
           ${Math.max(1, Math.round(perAccount - 12))} + i % 25 as m,
           case i % ${USERS} ${userIds.map((u, k) => `when ${k} then '${u}'`).join(' ')} end as owner
    from n`);
  await c.execute(`insert into accounts (id, team_id, kind, name, name_key, city, owner_id, phase, phase_since, created_at, source)
    select id, '${actor.teamId}', 'company', 'Bench ' || i, 'bench' || i, 'Utrecht', owner,
           ${phaseCase.replace(/\bk\b/, 'l - 1')}, t0 + (l - 1) * stay, t0, 'Bench' from gen`);
  await c.execute(`create temp table steps as
    with recursive k(k) as (select 0 union all select k + 1 from k where k < 7) select k from k`);
  await c.execute(`insert into phase_changes (id, team_id, account_id, from_phase, to_phase, at, by_user_id, skipped, from_since)
    select lower(hex(randomblob(16))), '${actor.teamId}', g.id,
           case when s.k = 0 then null else ${phaseCase.replace(/\bk\b/, 's.k - 1')} end,
           ${phaseCase.replace(/\bk\b/, 's.k')}, g.t0 + s.k * g.stay, g.owner, '[]',
           case when s.k = 0 then null else g.t0 + (s.k - 1) * g.stay end
    from gen g join steps s on s.k < g.l`);
  await c.execute(`insert into phase_reaches (team_id, account_id, owner_id, phase_idx, at, left_at)
    select '${actor.teamId}', g.id, g.owner, s.k, g.t0 + s.k * g.stay, case when s.k < g.l - 1 then g.t0 + (s.k + 1) * g.stay end
    from gen g join steps s on s.k < g.l`);
  await c.execute(`create temp table seq as
    with recursive j(j) as (select 0 union all select j + 1 from j where j < 200) select j from j`);
  const types = ['email_out', 'email_in', 'call', 'meeting', 'note', 'email_out', 'quote', 'visit'];
  await c.execute(`insert into activities (id, team_id, account_id, type, occurred_at, source_key, logged_by, data)
    select lower(hex(randomblob(16))), '${actor.teamId}', g.id,
           case (g.i + q.j) % ${types.length} ${types.map((t, k) => `when ${k} then '${t}'`).join(' ')} end,
           g.t0 + (q.j * g.l * g.stay) / g.m, 'bench:' || g.i || ':' || q.j, g.owner,
           case when (g.i + q.j) % ${types.length} = 6 then json_object('amount', 1000 + g.i % 50000, 'currency', 'EUR') else '{}' end
    from gen g join seq q on q.j < g.m`);
  await c.execute(`insert into activity_daily (team_id, day, user_id, type, count)
    select team_id, occurred_at / ${DAY}, logged_by, type, count(*) from activities where team_id = '${actor.teamId}' group by 1, 2, 3, 4`);
  await c.execute(`update accounts set last_activity_at = (select max(occurred_at) from activities x where x.account_id = accounts.id),
      latest_quote_at = (select max(occurred_at) from activities x where x.account_id = accounts.id and x.type = 'quote'),
      checklist_gaps = (abs(random()) % 3)
    where team_id = '${actor.teamId}'`);
  await c.execute(
    `update accounts set latest_quote_amount = 1000 + abs(random()) % 50000, latest_quote_currency = 'EUR' where team_id = '${actor.teamId}' and latest_quote_at is not null`,
  );
  await c.execute(`insert into stay_days (team_id, owner_id, phase_idx, end_day, days, count)
    select pc.team_id, a.owner_id, ${phaseCase.replace('case k', 'case pc.from_phase').replace(/when (\d+) then '(\w+)'/g, "when '$2' then $1")},
           pc.at / ${DAY}, cast(round((pc.at - pc.from_since) / ${DAY}.0) as integer), count(*)
    from phase_changes pc join accounts a on a.id = pc.account_id
    where pc.team_id = '${actor.teamId}' and pc.from_phase is not null group by 1, 2, 3, 4, 5`);
  await c.execute('analyze');
  // a live server checkpoints as it goes; after gigabytes in a few transactions, do it once, as it would have
  await c.execute('pragma wal_checkpoint(truncate)');
  const count = async (t: string) => Number((await c.execute(`select count(*) from ${t}`)).rows[0]![0]);
  return { actor, repActor, accounts, phaseChanges: await count('phase_changes'), activities: await count('activities') };
}
