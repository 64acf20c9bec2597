import { describe, expect, it } from 'vitest';
import { openDb } from '../../server/db/client';
import { tmpDbUrl } from '../helpers/tmp';

describe('the embedded database', () => {
  it('runs every connection in WAL mode with a busy timeout and foreign keys', async () => {
    const db = await openDb({ url: tmpDbUrl('pragmas') });
    // several reads at once make the client open more than one pooled connection
    const results = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const tx = await db.client.transaction('read');
        const [mode, timeout, fk, sync] = await Promise.all(
          ['journal_mode', 'busy_timeout', 'foreign_keys', 'synchronous'].map((p) => tx.execute(`PRAGMA ${p}`)),
        );
        await tx.close();
        return [mode!.rows[0]![0], Number(timeout!.rows[0]![0]), Number(fk!.rows[0]![0]), Number(sync!.rows[0]![0])];
      }),
    );
    for (const r of results) expect(r).toEqual(['wal', 20, 1, 1]);
    db.client.close();
  });

  it('applies the committed migrations to a fresh file, and again without harm', async () => {
    const url = tmpDbUrl('migrate');
    (await openDb({ url })).client.close();
    const again = await openDb({ url });
    const tables = await again.client.execute("select name from sqlite_master where type = 'table' and name not like '%sqlite%' order by name");
    expect(tables.rows.map((r) => r[0])).toEqual(
      expect.arrayContaining([
        'accounts',
        'activities',
        'api_tokens',
        'client_writes',
        'contact_emails',
        'contacts',
        'opportunities',
        'phase_changes',
        'proposals',
        'teams',
        'users',
      ]),
    );
    again.client.close();
  });
});
