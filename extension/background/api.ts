/** The tRPC client for the configured server, and the translation of its failures into words. */
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '../../server/routers';
import type { Reply, Trouble } from '../messaging/protocol';
import type { Settings } from './settings';

const TIMEOUT_MS = 10_000;

export type Api = ReturnType<typeof makeApi>;

export function makeApi(s: Settings) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${s.serverUrl.replace(/\/+$/, '')}/trpc`,
        headers: () => ({ Authorization: `Bearer ${s.token}` }),
        fetch: (url, init) => fetch(url, { ...(init as RequestInit), signal: AbortSignal.timeout(TIMEOUT_MS) }),
      }),
    ],
  });
}

const fail = (trouble: Trouble, message: string): Reply<never> => ({ ok: false, trouble, message });

const MESSAGES: Record<Trouble, string> = {
  'not-configured': 'Not connected to a server yet',
  unauthorized: 'The server refused the token',
  unreachable: 'The server cannot be reached',
  refused: 'The server refused this',
  expired: 'This sidebar belongs to a page you have left',
};
/** A trouble with its standard message (the UI shows its own words for all but refusals). */
export const troubleFor = (kind: Trouble) => ({ kind, message: MESSAGES[kind] });
export const failWith = (kind: Trouble): Reply<never> => fail(kind, MESSAGES[kind]);

/**
 * Statuses that say "not now" rather than "no": a timeout, too many requests,
 * a busy database (503 + Retry-After) or any other server trouble. A write
 * meeting one of these stays in the outbox and is tried again with backoff.
 */
const TRANSIENT = new Set([408, 425, 429]);
export const isTransient = (status: number | undefined) => !status || TRANSIENT.has(status) || status >= 500;

/** Maps any failure to a reason the user can act on; never a stack trace. Only definite refusals are 'refused'. */
export function troubleOf(e: unknown): Reply<never> {
  if (e instanceof TRPCClientError) {
    const status = (e.data as { httpStatus?: number } | undefined)?.httpStatus;
    if (status === 401) return failWith('unauthorized');
    if (isTransient(status)) return failWith('unreachable');
    return fail('refused', e.message);
  }
  // a fetch that failed or timed out never reached a decision on the server
  return failWith('unreachable');
}

export async function call<T>(fn: () => Promise<T>): Promise<Reply<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (e) {
    return troubleOf(e);
  }
}
