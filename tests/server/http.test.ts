import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '../../server/routers';
import { startServer } from '../../server/index';
import { tmpDbUrl } from '../helpers/tmp';
import { admin } from '../helpers/cli';
import { jan } from '../helpers/data';

let server: Awaited<ReturnType<typeof startServer>>;
let token: string;
const dbUrl = tmpDbUrl('http');

const client = (t?: string) =>
  createTRPCClient<AppRouter>({ links: [httpLink({ url: `${server.url}/trpc`, headers: () => (t ? { Authorization: `Bearer ${t}` } : {}) })] });

beforeAll(async () => {
  token = String(admin(dbUrl, ['create-user', '--email', 'pieter@verkoop.example', '--name', 'Pieter Bos', '--team', 'Verkoop BV']).token);
  server = await startServer({ PORT: 0, HOST: '127.0.0.1', DATABASE_URL: dbUrl });
});
afterAll(() => server?.close());

describe('the server over real HTTP', () => {
  it('answers /health', async () => {
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
  });

  it('a token from the admin command captures and reads back through tRPC', async () => {
    const api = client(token);
    const { accountId } = await api.capture.linkedInPerson.mutate({ person: jan });
    const found = await api.accounts.search.query({ q: 'acme' });
    expect(found).toEqual([expect.objectContaining({ id: accountId, name: 'Acme BV', phase: 'suspect' })]);
    const account = await api.accounts.get.query({ id: accountId });
    expect(account.contacts[0]).toMatchObject({ name: 'Jan de Vries', linkedinUrl: jan.profileUrl });
  });

  it('refuses a missing or wrong token with 401', async () => {
    for (const t of [undefined, 'pcrm_wrong']) {
      const err = await client(t).accounts.search.query({}).catch((e) => e);
      expect(err).toBeInstanceOf(TRPCClientError);
      expect(err.data.httpStatus).toBe(401);
    }
  });

  it('a revoked token is refused from then on', async () => {
    const other = admin(dbUrl, ['create-user', '--email', 'tmp@verkoop.example', '--name', 'Tmp', '--team', 'Verkoop BV']);
    expect(await client(String(other.token)).me.get.query()).toMatchObject({ email: 'tmp@verkoop.example', team: 'Verkoop BV' });
    admin(dbUrl, ['revoke-token', '--email', 'tmp@verkoop.example']);
    const err = await client(String(other.token)).me.get.query().catch((e) => e);
    expect(err.data.httpStatus).toBe(401);
  });

  it('malformed input is a 400 with a clear message and no stack trace', async () => {
    const res = await fetch(`${server.url}/trpc/accounts.get?input=${encodeURIComponent(JSON.stringify({ id: 42 }))}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).toContain('Invalid input');
    expect(text).not.toMatch(/stack|at .*\.ts:\d+/);
    const junk = await fetch(`${server.url}/trpc/capture.linkedInPerson`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{not json' });
    expect(junk.status).toBe(400);
  });

  it('limits request bodies', async () => {
    const res = await fetch(`${server.url}/trpc/capture.linkedInPerson`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ person: { ...jan, headline: 'x'.repeat(600 * 1024) } }),
    });
    expect(res.status).toBe(413);
  });

  it('allows CORS for extension origins only', async () => {
    const ok = await fetch(`${server.url}/trpc/accounts.search`, { method: 'OPTIONS', headers: { Origin: 'chrome-extension://abcdefghijklmnop', 'Access-Control-Request-Method': 'GET' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdefghijklmnop');
    const evil = await fetch(`${server.url}/trpc/accounts.search`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' } });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('the admin command puts the same team name in the same team', async () => {
    const a = admin(dbUrl, ['create-user', '--email', 'sanne@verkoop.example', '--name', 'Sanne', '--team', 'Verkoop BV', '--role', 'manager']);
    const mine = await client(String(a.token)).accounts.search.query({});
    expect(mine.map((x) => x.name)).toContain('Acme BV');
    const bad = (() => {
      try {
        admin(dbUrl, ['create-user', '--email', 'not-an-email', '--name', 'X', '--team', 'T']);
        return null;
      } catch (e) {
        return String((e as { stderr?: string }).stderr);
      }
    })();
    expect(bad).toContain('--email');
  });
});
