/**
 * Group commit: the writes that arrive together share one transaction.
 *
 * Why: a commit writes every page the transaction changed to the WAL, and
 * a capture changes ~50 (its rows, their indexes, the reporting tables'
 * counts), most of them the same pages as the capture before it (the
 * team's index leaves, today's counts). Measured in-process, the COMMIT was
 * a fifth of a capture's time. Requests that arrive in the same turn of the
 * event loop (8 captures in flight) now run one after another in a single
 * transaction: each sees the writes of those before it, exactly as if they
 * had been queued one by one, and every one's answer waits for the shared
 * commit, so no caller hears "done" before its write is in the database.
 *
 * A failure is its own: when a write in a group throws, the whole group is
 * rolled back and each of its writes runs again alone, in its own
 * transaction as before, so the others commit and the failing one fails with
 * its own error. (Savepoints would keep the others' work, but an error that
 * ends SQLite's transaction outright would leave the writes after it running
 * outside one.) A write must therefore be safe to run twice when the first
 * run was rolled back: it only touches the database.
 */
import type { Tx } from './orm';
import { LockTimeout } from './lock-wait';

export const MAX_GROUP = 16;

interface Job {
  fn: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * `transaction(fn)` runs fn in one write transaction, waiting for the lock
 * (lock-wait.ts); `queue` keeps this process's transactions one at a time.
 */
export function groupCommit(transaction: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>, queue: <T>(job: () => Promise<T>) => Promise<T>) {
  let waiting: Job[] = [];
  let scheduled = false;

  const alone = (job: Job) => transaction(job.fn).then(job.resolve, job.reject);

  async function run(jobs: Job[]) {
    if (jobs.length === 1) return alone(jobs[0]!);
    let results: unknown[];
    try {
      results = await transaction(async (tx) => {
        const out: unknown[] = [];
        for (const job of jobs) out.push(await job.fn(tx));
        return out;
      });
    } catch (e) {
      // the lock never came: the group never started, and each of its writes would wait as long again
      if (e instanceof LockTimeout) {
        for (const job of jobs) job.reject(e);
        return;
      }
      // rolled back whole (nothing of it is in the database): each write again on its own
      for (const job of jobs) await alone(job);
      return;
    }
    for (const [i, job] of jobs.entries()) job.resolve(results[i]);
  }

  function drain() {
    scheduled = false;
    const jobs = waiting.slice(0, MAX_GROUP);
    waiting = waiting.slice(MAX_GROUP);
    if (waiting.length) schedule();
    return run(jobs);
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    // after this turn's I/O callbacks: the requests that came in together reach `write` before the group is taken
    setImmediate(() => void queue(drain));
  }

  return <T>(fn: (tx: Tx) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      waiting.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      schedule();
    });
}
