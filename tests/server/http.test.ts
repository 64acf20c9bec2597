import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '../../server/routers';
import { startServer } from '../../server/index';
import { tmpDbUrl } from '../helpers/tmp';
import { admin } from '../helpers/cli';
import { jan } from '../helpers/data';
import { EXTENSION_ID } from '../../shared/extension-id';

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
      const err = await client(t)
        .accounts.search.query({})
        .catch((e) => e);
      expect(err).toBeInstanceOf(TRPCClientError);
      expect(err.data.httpStatus).toBe(401);
    }
  });

  // two admin processes start here (tsx each): give them room on a loaded machine
  it('a revoked token is refused from then on', { timeout: 90_000 }, async () => {
    const other = admin(dbUrl, ['create-user', '--email', 'tmp@verkoop.example', '--name', 'Tmp', '--team', 'Verkoop BV']);
    expect(await client(String(other.token)).me.get.query()).toMatchObject({ email: 'tmp@verkoop.example', team: 'Verkoop BV' });
    admin(dbUrl, ['revoke-token', '--email', 'tmp@verkoop.example']);
    const err = await client(String(other.token))
      .me.get.query()
      .catch((e) => e);
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
    const junk = await fetch(`${server.url}/trpc/capture.linkedInPerson`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{not json',
    });
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

  it("allows CORS for the extension's own id only (and those configured), not for other extensions or sites", async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/trpc/accounts.search`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' } }).then((r) =>
        r.headers.get('access-control-allow-origin'),
      );
    expect(await preflight(`chrome-extension://${EXTENSION_ID}`)).toBe(`chrome-extension://${EXTENSION_ID}`);
    expect(await preflight('chrome-extension://abcdefghijklmnopabcdefghijklmnop')).toBeNull();
    expect(await preflight('https://evil.example')).toBeNull();
    const configured = await startServer({
      PORT: 0,
      HOST: '127.0.0.1',
      DATABASE_URL: tmpDbUrl('cors'),
      EXTENSION_ORIGINS: ['moz-extension://0b6c5b9e-1f0a-4c55-9a43-0d2f6b1e7f11'],
    });
    try {
      const r = await fetch(`${configured.url}/trpc/accounts.search`, {
        method: 'OPTIONS',
        headers: { Origin: 'moz-extension://0b6c5b9e-1f0a-4c55-9a43-0d2f6b1e7f11', 'Access-Control-Request-Method': 'GET' },
      });
      expect(r.headers.get('access-control-allow-origin')).toBe('moz-extension://0b6c5b9e-1f0a-4c55-9a43-0d2f6b1e7f11');
    } finally {
      await configured.close();
    }
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
