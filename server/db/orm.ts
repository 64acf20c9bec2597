/** The database's types, apart from how it is opened (`client.ts`), so that what opening uses can name them. */
import type { LibSQLDatabase } from 'drizzle-orm/libsql';
import type * as schema from './schema';

export type Orm = LibSQLDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Orm['transaction']>[0]>[0];
