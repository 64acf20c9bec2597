/** Guessing tokens and oversized batches, over real HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/index';
import { createUser } from '../../server/domain/auth';
import { MAX_BATCH } from '../../server/app';
import { tmpDbUrl } from '../helpers/tmp';

let server: Awaited<ReturnType<typeof startServer>>;
let token: string;
const MAX_FAILURES = 5;

beforeAll(async () => {
  server = await startServer({ PORT: 0, HOST: '127.0.0.1', DATABASE_URL: tmpDbUrl('abuse') }, { authLimit: { maxFailures: MAX_FAILURES, windowMs: 60_000 } });
  ({ token } = await createUser(server.db, { email: 'pieter@verkoop.example', name: 'Pieter', team: 'Verkoop BV' }));
});
afterAll(() => server?.close());

const search = (t: string) => fetch(`${server.url}/trpc/accounts.search?input=${encodeURIComponent('{}')}`, { headers: { Authorization: `Bearer ${t}` } });

describe('abuse', () => {
  it('batches of more than the limit are refused with a clear message; the limit itself passes', async () => {
    const path = (n: number) => Array.from({ length: n }, () => 'accounts.search').join(',');
    const input = (n: number) => encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [i, {}]))));
    const ok = await fetch(`${server.url}/trpc/${path(MAX_BATCH)}?batch=1&input=${input(MAX_BATCH)}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    const tooMany = await fetch(`${server.url}/trpc/${path(MAX_BATCH + 1)}?batch=1&input=${input(MAX_BATCH + 1)}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(tooMany.status).toBe(400);
    expect(await tooMany.text()).toContain(`At most ${MAX_BATCH} calls`);
  });

  it('failed authentications from one address are limited: 429 with Retry-After, logged without the token', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...a: unknown[]) => void warnings.push(a.join(' '));
    try {
      for (let i = 0; i < MAX_FAILURES; i++) expect((await search(`pcrm_guess-${i}-secret`)).status).toBe(401);
      const limited = await search('pcrm_guess-last-secret');
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      // a guesser is slowed; a valid token from the same address (an office behind one IP) still works
      expect((await search(token)).status).toBe(200);
      expect((await search('pcrm_guess-again-secret')).status).toBe(429);
    } finally {
      console.warn = warn;
    }
    expect(warnings.join('\n')).toContain('failed authentications');
    expect(warnings.join('\n')).not.toContain('secret');
  });
});
