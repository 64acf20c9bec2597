import { afterAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { createTRPCClient, httpLink } from '@trpc/client';
import type { AppRouter } from '../../server/routers';
import { openDb } from '../../server/db/client';
import { admin } from '../helpers/cli';
import { tmpDbUrl } from '../helpers/tmp';
import { freePort, killHard, spawnServer } from '../helpers/process';
import { jan } from '../helpers/data';

const WRITES = 240;
const CONCURRENCY = 8;
const KILL_AFTER_ACKS = 60;

let child: ChildProcess | undefined;
afterAll(() => child && killHard(child));

const person = (i: number) => ({
  ...jan,
  name: `Persoon ${i}`,
  firstName: 'Persoon',
  lastName: String(i),
  memberId: undefined,
  companyUrl: undefined,
  companyName: `Bedrijf ${i}`,
  profileUrl: `https://www.linkedin.com/in/persoon-${i}`,
});
const clientId = (i: number) => `crash-write-${String(i).padStart(4, '0')}`;

describe('kill -9 during a burst of writes', () => {
  it('loses no acknowledged write, and client retries make no duplicate', async () => {
    const dbUrl = tmpDbUrl('crash');
    const token = String(admin(dbUrl, ['create-user', '--email', 'pieter@verkoop.example', '--name', 'Pieter', '--team', 'Verkoop BV']).token);
    const port = await freePort();
    const api = createTRPCClient<AppRouter>({ links: [httpLink({ url: `http://127.0.0.1:${port}/trpc`, headers: { Authorization: `Bearer ${token}` } })] });
    child = await spawnServer(port, dbUrl);

    const acked = new Set<number>();
    let next = 0;
    let killed: Promise<void> | undefined;
    const worker = async () => {
      while (next < WRITES) {
        const i = next++;
        try {
          await api.capture.linkedInPerson.mutate({ person: person(i), clientId: clientId(i) });
          acked.add(i);
          if (acked.size === KILL_AFTER_ACKS) killed = killHard(child!);
        } catch {
          // the server is gone: this write stays unacknowledged, the client will retry it
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await killed;
    expect(acked.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(acked.size).toBeLessThan(WRITES);

    // every acknowledged write survived the crash
    const afterCrash = await openDb({ url: dbUrl });
    const urls = new Set((await afterCrash.query.contacts.findMany()).map((c) => c.linkedinUrl));
    for (const i of acked) expect(urls.has(person(i).profileUrl)).toBe(true);
    afterCrash.client.close();

    // the client retries everything with the same ids once the server is back
    child = await spawnServer(port, dbUrl);
    for (let i = 0; i < WRITES; i++) await api.capture.linkedInPerson.mutate({ person: person(i), clientId: clientId(i) });
    const db = await openDb({ url: dbUrl });
    const contacts = await db.query.contacts.findMany();
    expect(contacts).toHaveLength(WRITES);
    expect(new Set(contacts.map((c) => c.linkedinUrl)).size).toBe(WRITES);
    expect(await db.query.accounts.findMany()).toHaveLength(WRITES);
    expect(await db.query.phaseChanges.findMany()).toHaveLength(WRITES);
    db.client.close();
  }, 90_000);
});
