import { afterAll, describe, expect, it } from 'vitest';
import { freePort, killHard, spawnServer } from '../helpers/process';
import { tmpDbUrl } from '../helpers/tmp';

const children: Awaited<ReturnType<typeof spawnServer>>[] = [];
afterAll(() => Promise.all(children.map(killHard)));

/** The server prints its address last: once it shows, the first-start decision (a token or none) is made. */
const ready = (c: Awaited<ReturnType<typeof spawnServer>>) => expect.poll(() => c.output(), { timeout: 30_000 }).toContain('phase-crm server on');
const tokensIn = (out: string) => [...out.matchAll(/Token \(shown once\): (pcrm_\S+)/g)].map((m) => m[1]!);

describe('npm start on an empty database', () => {
  it('creates a team and an admin, prints a one-time token that works, and says how to load the extension', { timeout: 90_000 }, async () => {
    const port = await freePort();
    const dbUrl = tmpDbUrl('start');
    const child = await spawnServer(port, dbUrl);
    children.push(child);
    await ready(child);
    const out = child.output();
    const [token] = tokensIn(out);
    expect(token).toBeDefined();
    expect(out).toContain('Load unpacked');
    const me = await fetch(`http://127.0.0.1:${port}/trpc/me.get`, { headers: { Authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(JSON.stringify(await me.json())).toContain('"role":"admin"');

    // a second start on the same database creates nobody and prints no token
    await killHard(child);
    const again = await spawnServer(port, dbUrl);
    children.push(again);
    await ready(again);
    expect(tokensIn(again.output())).toEqual([]);
  });

  it('two servers starting at once on one empty file print one token between them', { timeout: 90_000 }, async () => {
    const dbUrl = tmpDbUrl('start-race');
    const [a, b] = await Promise.all([spawnServer(await freePort(), dbUrl), spawnServer(await freePort(), dbUrl)]);
    children.push(a, b);
    await ready(a);
    await ready(b);
    expect(tokensIn(a.output()).length + tokensIn(b.output()).length).toBe(1);
  });
});
