/**
 * Counting events per key (a client address, a form key) in fixed windows:
 * once a key reaches its limit it waits until its window ends. Kept in the
 * process: several servers each count their own, which still slows abuse on
 * each. The number of keys is bounded so a flood of addresses cannot grow it.
 */
export interface WindowLimit {
  max: number;
  windowMs: number;
}

const MAX_TRACKED = 10_000;

export function createWindowCounter({ max, windowMs }: WindowLimit, onLimit?: (key: string) => void) {
  const windows = new Map<string, { start: number; count: number }>();

  const current = (key: string, now: number) => {
    const w = windows.get(key);
    if (w && now - w.start < windowMs) return w;
    if (w) windows.delete(key);
    return undefined;
  };

  return {
    /** seconds to wait when the key is at its limit, else 0 */
    retryAfter(key: string, now = Date.now()): number {
      const w = current(key, now);
      return w && w.count >= max ? Math.max(1, Math.ceil((w.start + windowMs - now) / 1000)) : 0;
    },
    count(key: string, now = Date.now()) {
      let w = current(key, now);
      if (!w) {
        if (windows.size >= MAX_TRACKED) windows.delete(windows.keys().next().value as string);
        w = { start: now, count: 0 };
        windows.set(key, w);
      }
      w.count++;
      if (w.count === max) onLimit?.(key);
    },
  };
}

/** Carried by a 429: how long the client must wait, for the Retry-After header. */
export class RetryLater extends Error {
  constructor(readonly seconds: number) {
    super(`Retry after ${seconds} s`);
    this.name = 'RetryLater';
  }
}
