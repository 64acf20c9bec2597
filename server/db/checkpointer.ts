/**
 * WAL checkpoints off the request path: a worker thread with its own
 * connection copies what the WAL holds into the database file a few times a
 * second (PASSIVE: it never waits for, nor holds up, a reader or a writer).
 * libsql-js is synchronous, so a checkpoint run by a commit (SQLite's
 * automatic one, every 20,000 pages: statement-cache.ts) held up every
 * request of the process while it copied and synced up to 80 MB — measured at
 * 200 writes a second: stalls of 0.4 s to several seconds, p99 0.4–3 s; with
 * this worker 19–162 ms. The automatic one stays as a safety net (and for the
 * command line's imports); kept small by this, the WAL never reaches it.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { localPath } from './direct-reads';

const EVERY_MS = 200;

/** Runs in the worker: CommonJS, given the libsql module's path (the server may run from a bundle). */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.libsql);
const db = new Database(workerData.path);
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const timer = setInterval(() => {
  try {
    checkpoint.all();
  } catch {
    // busy or interrupted: the next tick tries again, and SQLite's own checkpoint remains
  }
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/** Starts checkpointing a database file; nothing for a database in memory or on a libSQL server. */
export function startCheckpointer(url: string): { stop: () => Promise<void> } {
  const path = localPath(url);
  if (!path) return { stop: async () => undefined };
  const libsql = createRequire(import.meta.url).resolve('libsql');
  const worker = new Worker(WORKER, { eval: true, workerData: { path, libsql, everyMs: EVERY_MS } });
  // a checkpointer that cannot start (a missing native module) leaves SQLite's own: the server runs on
  worker.on('error', (e) => console.error('[db] background checkpoints stopped:', e instanceof Error ? e.message : 'error'));
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    stop: () => {
      worker.postMessage('stop');
      return exited;
    },
  };
}
