/** The server as its own process, as `npm start` runs it, so a test can kill -9 it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** `nodeArgs`: options for node itself (a benchmark's `--cpu-prof`). */
export async function spawnServer(port: number, databaseUrl: string, nodeArgs: string[] = []): Promise<ChildProcess & { output: () => string }> {
  // one process (no npm or npx in between), so that SIGKILL hits the server itself
  const child = spawn(process.execPath, [...nodeArgs, 'server/launch.mjs', 'start'], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, SKIP_EXTENSION_BUILD: '1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited: ${log}`);
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return Object.assign(child, { output: () => log });
    if (Date.now() > deadline) throw new Error(`The server did not start: ${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const killHard = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

/** Stops the server as Ctrl-C does, and waits until it has exited (what it writes at exit, such as a CPU profile, is written). */
export const stopServer = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGINT');
  });
