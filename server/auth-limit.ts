/**
 * Failed authentications per client address: after too many in a window the
 * address gets 429 with Retry-After until the window ends. Logged without
 * the token.
 */
import { createWindowCounter } from './rate-window';

export interface AuthLimitOptions {
  maxFailures: number;
  windowMs: number;
}

export const DEFAULT_AUTH_LIMIT: AuthLimitOptions = { maxFailures: 20, windowMs: 60_000 };

export function createAuthLimiter({ maxFailures, windowMs }: AuthLimitOptions = DEFAULT_AUTH_LIMIT) {
  const counter = createWindowCounter({ max: maxFailures, windowMs }, (address) =>
    console.warn(`[auth] ${maxFailures} failed authentications from ${address} within ${windowMs / 1000} s: refusing it for the rest of the window`),
  );
  return { retryAfter: counter.retryAfter, fail: counter.count };
}
export type AuthLimiter = ReturnType<typeof createAuthLimiter>;

export { RetryLater } from './rate-window';
