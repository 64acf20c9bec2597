/**
 * This machine's floor for one call over HTTP: a Hono app on the same Node
 * server that answers every path at once with a tRPC-shaped result, driven
 * by the same client as the API's rows. No handler can be faster than this,
 * so the API's rates read against it as well as against raw libSQL.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort, killHard } from '../helpers/process';

const SERVER = `
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
const app = new Hono();
app.all('*', (c) => c.json({ result: { data: { matchedBy: null, contactId: null, proposedContact: null, account: null } } }));
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });
`;

/** Runs `measure` against the empty server's base URL while it runs. */
export async function withHttpFloor<T>(measure: (base: string) => Promise<T>): Promise<T> {
  const port = await freePort();
  // evaluated in the project's folder, so that its node_modules resolve
  const child = spawn(process.execPath, ['--input-type=module', '-e', SERVER], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    for (;;) {
      if (child.exitCode !== null) throw new Error('http-floor: the empty server exited');
      if (
        await fetch(base).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 50));
    }
    return await measure(base);
  } finally {
    await killHard(child);
  }
}
