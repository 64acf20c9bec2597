import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createServer } from 'node:net';
import { backoff, enqueue, failedWrites, flush, isAuthBlocked, queued, unblockAuth } from '../../extension/background/outbox';
import { makeApi } from '../../extension/background/api';
import { flushDue } from '../../extension/background/delivery';
import { saveSettings } from '../../extension/background/settings';
import { startServer } from '../../server/index';
import { createUser } from '../../server/domain/auth';
import { tmpDbUrl } from '../helpers/tmp';
import { jan } from '../helpers/data';
import type { WriteOp } from '../../extension/background/writes';

/** A loopback port nothing listens on: the server is down. */
async function deadPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

let server: Awaited<ReturnType<typeof startServer>>;
let token: string;
let dbUrl: string;

beforeEach(async () => {
  fakeBrowser.reset();
  dbUrl = tmpDbUrl('outbox');
  server = await startServer({ PORT: 0, HOST: '127.0.0.1', DATABASE_URL: dbUrl });
  ({ token } = await createUser(server.db, { email: 'pieter@verkoop.example', name: 'Pieter', team: 'Verkoop BV' }));
});
afterEach(() => server.close());

const capture = (profile: string): WriteOp => ({
  path: 'capture.linkedInPerson',
  input: {
    person: { ...jan, profileUrl: profile, memberId: undefined, companyUrl: undefined, name: profile.split('/').pop()!, companyName: profile.split('/').pop() },
  },
});
const entry = (clientId: string, op: WriteOp) => ({ clientId, op, pageKey: 'p', summary: { what: 'capture' as const, label: clientId } });
const accountNames = async () => (await server.db.query.accounts.findMany()).map((a) => a.name).sort();

describe('the outbox', () => {
  it('keeps writes while the server is down, backs off, and delivers them in order once it answers', async () => {
    const down = makeApi({ serverUrl: `http://127.0.0.1:${await deadPort()}`, token });
    const t0 = 1_000_000;
    await enqueue(entry('write-aaaa-1', capture('https://www.linkedin.com/in/a')), t0);
    await enqueue(entry('write-aaaa-2', capture('https://www.linkedin.com/in/b')), t0);
    const report = await flush(down, { force: true, now: () => t0 });
    expect(report).toEqual({ delivered: [], stopped: 'unreachable', remaining: 2 });
    const [head] = await queued();
    expect(head).toMatchObject({ clientId: 'write-aaaa-1', attempts: 1, nextAttemptAt: t0 + backoff(1) });
    // not due yet: a timer flush waits for the backoff
    expect((await flush(makeApi({ serverUrl: server.url, token }), { now: () => t0 + 1 })).delivered).toEqual([]);
    const up = await flush(makeApi({ serverUrl: server.url, token }), { now: () => t0 + backoff(1) });
    expect(up).toEqual({ delivered: ['write-aaaa-1', 'write-aaaa-2'], stopped: null, remaining: 0 });
    expect(await accountNames()).toEqual(['a', 'b']);
  });

  it('the wait grows with tries spaced out by it, not with forced sends in between', async () => {
    const down = makeApi({ serverUrl: `http://127.0.0.1:${await deadPort()}`, token });
    const t0 = 1_000_000;
    await enqueue(entry('write-bbbb-1', capture('https://www.linkedin.com/in/b')), t0);
    await flush(down, { force: true, now: () => t0 });
    // a rep's next capture a second later, the server still down: the next try is a wait from now, no longer
    await flush(down, { force: true, now: () => t0 + 1_000 });
    expect((await queued())[0]).toMatchObject({ attempts: 1, nextAttemptAt: t0 + 1_000 + backoff(1) });
    // the try when it was due fails too: now the wait doubles
    const due = t0 + 1_000 + backoff(1);
    await flush(down, { now: () => due });
    expect((await queued())[0]).toMatchObject({ attempts: 2, nextAttemptAt: due + backoff(2) });
  });

  it('a write whose answer was lost is sent again and makes no duplicate', async () => {
    const api = makeApi({ serverUrl: server.url, token });
    const op = capture('https://www.linkedin.com/in/lost-answer');
    // the first attempt reached the server, but the worker was stopped before the answer arrived
    await api.capture.linkedInPerson.mutate({ ...(op.input as { person: typeof jan }), clientId: 'write-lost-1' });
    await enqueue(entry('write-lost-1', op));
    expect((await flush(api, { force: true })).delivered).toEqual(['write-lost-1']);
    expect(await server.db.query.contacts.findMany()).toHaveLength(1);
  });

  it('a write refused for good leaves the queue with its message; the next ones still go', async () => {
    const api = makeApi({ serverUrl: server.url, token });
    await enqueue(entry('write-bad-01', { path: 'accounts.move', input: { accountId: 'no-such-account', to: 'prospect' } }));
    await enqueue(entry('write-good-1', capture('https://www.linkedin.com/in/good')));
    const report = await flush(api, { force: true });
    expect(report).toEqual({ delivered: ['write-good-1'], stopped: null, remaining: 0 });
    expect(await failedWrites()).toEqual([expect.objectContaining({ clientId: 'write-bad-01', message: 'Account not found' })]);
  });

  it('a refused token stops all sending until a new one is saved', async () => {
    await enqueue(entry('write-auth-1', capture('https://www.linkedin.com/in/auth')));
    const bad = makeApi({ serverUrl: server.url, token: 'pcrm_revoked' });
    expect((await flush(bad, { force: true })).stopped).toBe('unauthorized');
    expect(await isAuthBlocked()).toBe(true);
    const good = makeApi({ serverUrl: server.url, token });
    expect((await flush(good, { force: true })).stopped).toBe('unauthorized');
    expect(await queued()).toHaveLength(1);
    await unblockAuth();
    expect((await flush(good, { force: true })).delivered).toEqual(['write-auth-1']);
  });

  it('tries again by itself when the first write is due: a server that comes back gets it without an alarm or a page', async () => {
    const port = await deadPort();
    await saveSettings({ serverUrl: `http://127.0.0.1:${port}`, token });
    await enqueue(entry('write-cccc-1', capture('https://www.linkedin.com/in/c')));
    expect((await flushDue(true)).stopped).toBe('unreachable');
    // the server comes back on the saved address (its database as before)
    const back = await startServer({ PORT: port, HOST: '127.0.0.1', DATABASE_URL: dbUrl });
    try {
      await expect.poll(queued, { timeout: 20_000, interval: 200 }).toEqual([]);
      expect(await accountNames()).toEqual(['c']);
    } finally {
      await back.close({ cut: true });
    }
  });

  it('the same client id is queued once', async () => {
    await enqueue(entry('write-once-1', capture('https://www.linkedin.com/in/once')));
    await enqueue(entry('write-once-1', capture('https://www.linkedin.com/in/once')));
    expect(await queued()).toHaveLength(1);
  });
});
