/**
 * Failed authentications per client address: after too many in a window the
 * address gets 429 with Retry-After until the window ends. Kept in the
 * process (several servers each count their own: a guesser is slowed on each,
 * which is what matters). Logged without the token.
 */
export interface AuthLimitOptions {
  maxFailures: number;
  windowMs: number;
}

export const DEFAULT_AUTH_LIMIT: AuthLimitOptions = { maxFailures: 20, windowMs: 60_000 };
const MAX_TRACKED = 10_000;

export function createAuthLimiter({ maxFailures, windowMs }: AuthLimitOptions = DEFAULT_AUTH_LIMIT) {
  const windows = new Map<string, { start: number; failures: number }>();

  const current = (address: string, now: number) => {
    const w = windows.get(address);
    if (w && now - w.start < windowMs) return w;
    if (w) windows.delete(address);
    return undefined;
  };

  return {
    /** seconds to wait when the address is blocked, else 0 */
    retryAfter(address: string, now = Date.now()): number {
      const w = current(address, now);
      return w && w.failures >= maxFailures ? Math.max(1, Math.ceil((w.start + windowMs - now) / 1000)) : 0;
    },
    fail(address: string, now = Date.now()) {
      let w = current(address, now);
      if (!w) {
        // a flood of addresses must not grow memory without bound: forget the oldest
        if (windows.size >= MAX_TRACKED) windows.delete(windows.keys().next().value as string);
        w = { start: now, failures: 0 };
        windows.set(address, w);
      }
      w.failures++;
      if (w.failures === maxFailures) console.warn(`[auth] ${maxFailures} failed authentications from ${address} within ${windowMs / 1000} s: refusing it for the rest of the window`);
    },
  };
}
export type AuthLimiter = ReturnType<typeof createAuthLimiter>;

/** Carried by a 429: how long the address must wait, for the Retry-After header. */
export class RetryLater extends Error {
  constructor(readonly seconds: number) {
    super(`Retry after ${seconds} s`);
    this.name = 'RetryLater';
  }
}
