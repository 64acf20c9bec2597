/**
 * Waiting for the database's write lock without blocking the event loop.
 *
 * libsql-js is synchronous: with a long busy_timeout, a BEGIN IMMEDIATE
 * behind another process's write lock busy-waits inside the native call, and
 * the whole server (health, reads) stops with it — measured at 5 s per write.
 * So connections keep a short busy timeout (statement-cache.ts) and a write
 * that meets a held lock is retried here on timers, with backoff, until a
 * deadline; then it fails with `LockTimeout`, which the API answers with 503
 * and Retry-After. The transaction had not started, so nothing was changed.
 */
export const LOCK_WAIT_MS = 5_000;
export const RETRY_AFTER_S = 2;

export class LockTimeout extends Error {
  constructor() {
    super('The database is busy; nothing was changed. Try again shortly.');
    this.name = 'LockTimeout';
  }
}

const BUSY = /SQLITE_BUSY|SQLITE_LOCKED|database is locked/i;

export function isBusy(e: unknown): boolean {
  for (let x: unknown = e, depth = 0; x && depth < 4; depth++) {
    const err = x as { code?: unknown; message?: unknown; cause?: unknown };
    if (BUSY.test(String(err.code ?? '')) || BUSY.test(String(err.message ?? ''))) return true;
    x = err.cause;
  }
  return false;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function withLockWait<T>(attempt: () => Promise<T>, waitMs = LOCK_WAIT_MS): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (let pause = 10; ; pause = Math.min(pause * 2, 200)) {
    try {
      return await attempt();
    } catch (e) {
      if (!isBusy(e)) throw e;
      if (Date.now() + pause > deadline) throw new LockTimeout();
      await sleep(pause);
    }
  }
}
