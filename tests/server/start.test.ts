import { afterAll, describe, expect, it } from 'vitest';
import { freePort, killHard, spawnServer } from '../helpers/process';
import { tmpDbUrl } from '../helpers/tmp';

let child: Awaited<ReturnType<typeof spawnServer>> | undefined;
afterAll(() => child && killHard(child));

describe('npm start on an empty database', () => {
  it('creates a team and an admin, prints a one-time token that works, and says how to load the extension', async () => {
    const port = await freePort();
    const dbUrl = tmpDbUrl('start');
    child = await spawnServer(port, dbUrl);
    await expect.poll(() => child!.output(), { timeout: 10_000 }).toContain('Token (shown once)');
    const out = child.output();
    const token = /Token \(shown once\): (pcrm_\S+)/.exec(out)![1]!;
    expect(out).toContain('Load unpacked');
    const me = await fetch(`http://127.0.0.1:${port}/trpc/me.get`, { headers: { Authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(JSON.stringify(await me.json())).toContain('"role":"admin"');

    // a second start on the same database creates nobody and prints no token
    await killHard(child);
    child = await spawnServer(port, dbUrl);
    await new Promise((r) => setTimeout(r, 300));
    expect(child.output()).not.toContain('Token (shown once)');
  });
});
