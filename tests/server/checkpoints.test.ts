/**
 * The server copies what the WAL holds into the database file by itself,
 * off the request path (db/checkpointer.ts): a write reaches the file
 * without any request paying for a checkpoint, long before SQLite's own
 * (every 20,000 pages) would run. The server runs as `npm start` runs it (the
 * bundle, whose worker must find the native module); the file is read as a
 * copy of it alone would be: `immutable=1` ignores the WAL.
 */
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'libsql';
import { localPath } from '../../server/db/direct-reads';
import { freePort, killHard, spawnServer } from '../helpers/process';
import { tmpDbUrl } from '../helpers/tmp';

let child: Awaited<ReturnType<typeof spawnServer>> | undefined;
afterAll(() => child && killHard(child));

describe('checkpoints in the background', () => {
  it('a write reaches the database file itself while the server runs, with nobody asking', { timeout: 60_000 }, async () => {
    const dbUrl = tmpDbUrl('checkpoints');
    const port = await freePort();
    child = await spawnServer(port, dbUrl);
    await expect.poll(() => child!.output(), { timeout: 30_000 }).toContain('phase-crm server on');
    const token = /Token \(shown once\): (pcrm_\S+)/.exec(child.output())![1];
    const res = await fetch(`http://127.0.0.1:${port}/trpc/capture.linkedInCompany`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ company: { kind: 'company', companyUrl: 'https://www.linkedin.com/company/wal-bv', name: 'Wal BV' } }),
    });
    expect(res.status).toBe(200);
    const inFile = () => {
      const file = new Database(`file:${localPath(dbUrl)}?immutable=1`);
      try {
        return (file.prepare("select count(*) as n from accounts where name = 'Wal BV'").get() as { n: number }).n;
      } catch {
        // the file may not hold the table yet either
        return 0;
      } finally {
        file.close();
      }
    };
    await expect.poll(inFile, { timeout: 20_000 }).toBe(1);
    expect(child.output()).not.toContain('checkpoints stopped');
  });
});
