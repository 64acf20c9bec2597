/**
 * Opens the database: an embedded libSQL file by default, or a libSQL
 * server (sqld, Turso) at libsql:// or http(s):// for teams that outgrow one
 * machine. The server keeps no state of its own besides this.
 */
import { createClient, type Client } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import type { Orm, Tx } from './orm';
import { fileURLToPath } from 'node:url';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as schema from './schema';
import { installStatementCache } from './statement-cache';
import { serialized } from './serialize';
import { groupCommit } from './group-commit';
import { isBusy, withLockWait } from './lock-wait';
import { applyMigrations } from './migrate';
import { fillNameKeys } from './name-key';
import { hasPendingChanges, takeChanges } from './changes';
import { openReader } from './direct-reads';

export type { Orm, Tx };
/** Reads go straight to the pool; every change runs in one write transaction, one at a time per process. */
export type Db = Orm & {
  write: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;
  /**
   * One attempt, never waiting for the lock: for bookkeeping a request must
   * not wait on (a token's last use). Resolves at once on a file; an in-memory
   * database has a single connection, so there it resolves when done.
   */
  tryWrite: (fn: (tx: Tx) => Promise<unknown>) => Promise<void>;
  client: Client;
  /** the hot path's read connection for a local file (direct-reads.ts); closed with the client */
  reader: ReturnType<typeof openReader>;
};

const STARTUP_WAIT_MS = 60_000;
/** this file's folder in the source; `npm start` runs a bundle elsewhere (server/bundle.mjs), so found from the project's folder */
const migrationsFolder = join(projectRoot(fileURLToPath(import.meta.url)), 'server/db/migrations');

/** The nearest folder above `file` with a package.json: the project's, from the source and from the bundle alike. */
function projectRoot(file: string): string {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${file}`);
  }
}

export interface DbOptions {
  url: string;
  authToken?: string;
}

export async function openDb({ url, authToken }: DbOptions): Promise<Db> {
  if (url.startsWith('file:') && !url.includes(':memory:')) {
    mkdirSync(dirname(fileURLToPath(new URL(url, `file://${process.cwd()}/`))), { recursive: true });
  }
  installStatementCache();
  // opening runs a first statement (and our PRAGMAs, one of which switches a new file to WAL): another
  // process starting on the same file can hold the lock for a moment, so that waits on timers too
  const client = await withLockWait(async () => createClient({ url, authToken }), STARTUP_WAIT_MS);
  const orm = drizzle(client, { schema });
  await applyMigrations(orm, migrationsFolder, STARTUP_WAIT_MS);
  await refreshPlannerStatistics(client);
  const queue = serialized();
  // libsql-js is synchronous: a second BEGIN IMMEDIATE on another pooled
  // connection would busy-wait on the event loop the first one needs to
  // commit. So writers from this process queue; a lock held by another
  // process is waited for on timers (lock-wait.ts), never inside the call.
  const transaction = <T>(fn: (tx: Tx) => Promise<T>) => withLockWait(() => orm.transaction(fn, { behavior: 'immediate' }));
  // writes that arrive together commit together (group-commit.ts), each checked for its projections
  const grouped = groupCommit(transaction, queue);
  const write = <T>(fn: (tx: Tx) => Promise<T>) => grouped((tx) => projected(tx, fn));
  // accounts written without a name key (before it existed, or by hand) get one before anything matches on it
  await fillNameKeys(orm, write);
  const singleConnection = url.includes(':memory:');
  const tryWrite = async (fn: (tx: Tx) => Promise<unknown>) => {
    const job = queue(() => orm.transaction(fn, { behavior: 'immediate' })).then(
      () => undefined,
      (e) => {
        if (!isBusy(e)) console.error('[db] bookkeeping write failed:', e instanceof Error ? e.name : 'error');
      },
    );
    if (singleConnection) await job;
  };
  const reader = openReader(url);
  const closeClient = client.close.bind(client);
  client.close = () => {
    reader?.close();
    closeClient();
  };
  return Object.assign(orm, { write, tryWrite, client, reader });
}

/** Runs a transaction's work and refuses to commit changes that no projection applied (`changes.ts`). */
async function projected<T>(tx: Tx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await fn(tx);
  if (hasPendingChanges(tx)) {
    takeChanges(tx);
    throw new Error('A write changed records without applying their projections: run it through transact() or runWrite()');
  }
  return result;
}

/**
 * SQLite picks its query plans from statistics that only ANALYZE writes; a
 * database that grew without them can choose a scan of a million reaches over
 * an index range. PRAGMA optimize (as SQLite advises for long-lived
 * connections: when opened) analyzes what changed a lot since, each index
 * sampled (analysis_limit, statement-cache.ts), so it stays quick on a large file. Best effort: a lock held by
 * another process starting up only means the statistics wait for next time.
 */
async function refreshPlannerStatistics(client: Client) {
  try {
    await client.execute('PRAGMA optimize=0x10002');
  } catch (e) {
    if (!isBusy(e)) throw e;
  }
}

/** A fresh, migrated in-memory database, for tests and benchmarks. */
export const openMemoryDb = () => openDb({ url: 'file::memory:' });
