/**
 * A team grown to a million accounts, written straight in SQL (through the
 * API it would take over an hour): each account with a contact with a
 * LinkedIn profile, its first phase change and reach, and its capture, as a
 * capture would have left them, so that every index a capture reads or
 * writes is as deep as at that size. The reporting tables' triggers run as
 * on any write.
 */
import { createClient } from '@libsql/client';

export async function fillAccounts(dbUrl: string, userEmail: string, count: number): Promise<number> {
  const c = createClient({ url: dbUrl });
  try {
    const user = (await c.execute({ sql: 'select id, team_id from users where email = ?', args: [userEmail] })).rows[0];
    if (!user) throw new Error(`many-accounts: no user ${userEmail}`);
    const [userId, teamId] = [String(user.id), String(user.team_id)];
    const start = Date.UTC(2024, 0, 1);
    const step = Math.floor((2 * 365 * 86_400_000) / count);
    const t0 = performance.now();
    await c.execute(`create temp table fill as
      with recursive n(i) as (select 0 union all select i + 1 from n where i < ${count - 1})
      select i, lower(hex(randomblob(16))) as id, lower(hex(randomblob(16))) as contact, ${start} + i * ${step} as at from n`);
    const args = [teamId, userId];
    // the open checklist items of a captured suspect, as the captures before gave them (else the server counts them at start)
    const gaps = (await c.execute({ sql: 'select checklist_gaps from accounts where team_id = ? and phase = ? limit 1', args: [teamId, 'suspect'] })).rows[0];
    if (!gaps) throw new Error('many-accounts: capture a suspect first');
    await c.execute({
      sql: `insert into accounts (id, team_id, kind, name, name_key, owner_id, phase, phase_since, created_at, source, last_activity_at, checklist_gaps)
        select id, ?, 'company', 'Vulling ' || i || ' BV', 'vulling ' || i, ?, 'suspect', at, at, 'LinkedIn', at, ? from fill`,
      args: [...args, gaps.checklist_gaps ?? null],
    });
    await c.execute({
      sql: `insert into contacts (id, team_id, account_id, first_name, last_name, linkedin_url, created_at)
        select contact, ?, id, 'Persoon', 'Vulling ' || i, 'https://www.linkedin.com/in/vulling-' || i, at from fill`,
      args: [teamId],
    });
    await c.execute({
      sql: `insert into phase_changes (id, team_id, account_id, from_phase, to_phase, at, by_user_id, skipped)
        select lower(hex(randomblob(16))), ?, id, null, 'suspect', at, ?, '[]' from fill`,
      args,
    });
    await c.execute({
      sql: `insert into phase_reaches (team_id, account_id, owner_id, phase_idx, at) select ?, id, ?, 0, at from fill`,
      args,
    });
    await c.execute({
      sql: `insert into activities (id, team_id, account_id, contact_id, type, occurred_at, source_key, logged_by)
        select lower(hex(randomblob(16))), ?, id, contact, 'linkedin_capture', at, 'linkedin:https://www.linkedin.com/in/vulling-' || i, ? from fill`,
      args,
    });
    await c.execute('drop table fill');
    await c.execute('analyze');
    // a live server checkpoints as it goes; after a gigabyte in one transaction, once, as it would have
    await c.execute('pragma wal_checkpoint(truncate)');
    return (performance.now() - t0) / 1000;
  } finally {
    c.close();
  }
}
