/**
 * Another process holds the database's write lock (a second server, the
 * admin command, a backup): the server stays responsive, a write that cannot
 * get the lock in time answers 503 with Retry-After and changes nothing, and
 * the outbox delivers it, once, after the lock clears.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { startServer } from '../../server/index';
import { createUser } from '../../server/domain/auth';
import { makeApi } from '../../extension/background/api';
import { enqueue, failedWrites, flush, queued } from '../../extension/background/outbox';
import { tmpDbUrl } from '../helpers/tmp';
import { holdWriteLock } from '../helpers/lock-holder';
import { jan } from '../helpers/data';

const dbUrl = tmpDbUrl('locks');
let server: Awaited<ReturnType<typeof startServer>>;
let token: string;

beforeAll(async () => {
  server = await startServer({ PORT: 0, HOST: '127.0.0.1', DATABASE_URL: dbUrl });
  ({ token } = await createUser(server.db, { email: 'pieter@verkoop.example', name: 'Pieter', team: 'Verkoop BV' }));
});
afterAll(() => server?.close());

const auth = () => ({ Authorization: `Bearer ${token}`, 'content-type': 'application/json' });
const capture = (clientId: string) =>
  fetch(`${server.url}/trpc/capture.linkedInPerson`, { method: 'POST', headers: auth(), body: JSON.stringify({ person: jan, clientId }) });

describe('a write lock held by another process', () => {
  it('health and reads answer while it is held; a write answers 503 with Retry-After and changes nothing; the same write lands once after', async () => {
    const lock = await holdWriteLock(dbUrl);
    try {
      const health = await fetch(`${server.url}/health`);
      const read = await fetch(`${server.url}/trpc/accounts.search?input=${encodeURIComponent('{}')}`, { headers: auth() });
      expect(lock.held(), 'health and reads answered while the lock was still held').toBe(true);
      expect(health.status).toBe(200);
      expect(read.status).toBe(200);

      const busy = await capture('lock-test-write-1');
      expect(lock.held()).toBe(true);
      expect(busy.status).toBe(503);
      expect(Number(busy.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await busy.text()).not.toMatch(/SQLITE|stack/i);
    } finally {
      await lock.release();
    }
    const again = await capture('lock-test-write-1');
    expect(again.status).toBe(200);
    const twice = await capture('lock-test-write-1');
    expect(twice.status).toBe(200);
    expect(await server.db.query.contacts.findMany()).toHaveLength(1);
  });

  it('the outbox keeps a write the busy server could not take, and delivers it once the lock clears', async () => {
    fakeBrowser.reset();
    const api = makeApi({ serverUrl: server.url, token });
    const person = { ...jan, profileUrl: 'https://www.linkedin.com/in/eva-smit', memberId: undefined, name: 'Eva Smit', firstName: 'Eva', lastName: 'Smit' };
    await enqueue({
      clientId: 'lock-outbox-1',
      op: { path: 'capture.linkedInPerson', input: { person } },
      pageKey: 'p',
      summary: { what: 'capture', label: 'Eva' },
    });
    const lock = await holdWriteLock(dbUrl);
    try {
      const report = await flush(api, { force: true });
      expect(lock.held()).toBe(true);
      expect(report).toMatchObject({ delivered: [], stopped: 'unreachable', remaining: 1 });
      expect(await failedWrites()).toEqual([]);
    } finally {
      await lock.release();
    }
    expect((await flush(api, { force: true })).delivered).toEqual(['lock-outbox-1']);
    expect(await queued()).toEqual([]);
    expect((await server.db.query.contacts.findMany()).filter((c) => c.lastName === 'Smit')).toHaveLength(1);
  });
});
