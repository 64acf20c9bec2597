/** A migrated in-memory database with tRPC callers for users of one or more teams. */
import { openMemoryDb, type Db } from '../../server/db/client';
import { createUser } from '../../server/domain/auth';
import { appRouter } from '../../server/routers';
import { createCallerFactory } from '../../server/trpc';
import { authenticate } from '../../server/domain/auth';
import type { UserRole } from '../../shared/phases';

const factory = createCallerFactory(appRouter);

export async function testDb() {
  const db = await openMemoryDb();
  async function user(email: string, team = 'Verkoop BV', role: UserRole = 'rep') {
    const created = await createUser(db, { email, name: email.split('@')[0]!, team, role });
    const actor = await authenticate(db, created.token);
    return { ...created, actor: actor!, api: factory({ db, actor }) };
  }
  return { db, user, anonymous: factory({ db, actor: null }) };
}

export type TestDb = Awaited<ReturnType<typeof testDb>>;
export type { Db };
