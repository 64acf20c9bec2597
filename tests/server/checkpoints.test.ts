/**
 * The server copies what the WAL holds into the database file by itself,
 * off the request path (db/checkpointer.ts): a write reaches the file
 * without any request paying for a checkpoint, long before SQLite's own
 * (every 20,000 pages) would run. Read here as a copy of the file alone would
 * be: `immutable=1` ignores the WAL.
 */
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'libsql';
import { startServer } from '../../server/index';
import { createUser } from '../../server/domain/auth';
import { localPath } from '../../server/db/direct-reads';
import { freePort } from '../helpers/process';
import { tmpDbUrl } from '../helpers/tmp';

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterAll(() => server?.close());

describe('checkpoints in the background', () => {
  it('a write reaches the database file itself while the server runs, with nobody asking', async () => {
    const dbUrl = tmpDbUrl('checkpoints');
    server = await startServer({ PORT: await freePort(), HOST: '127.0.0.1', DATABASE_URL: dbUrl });
    await createUser(server.db, { email: 'wal@verkoop.example', name: 'Wal', team: 'Checkpoint' });
    const inFile = () => {
      const file = new Database(`file:${localPath(dbUrl)}?immutable=1`);
      try {
        return file.prepare("select count(*) as n from users where email = 'wal@verkoop.example'").get() as { n: number };
      } catch {
        // the file may not hold the table yet either
        return { n: 0 };
      } finally {
        file.close();
      }
    };
    await expect.poll(() => inFile().n, { timeout: 20_000 }).toBe(1);
  });
});
