/**
 * Before any test: type-checks the project while it builds the extension for
 * the browser tests, as a user gets it, and its store packages (`npm run zip`).
 * The two builds run one after the other (both write WXT's generated files in
 * `.wxt/`); the type check runs beside them, on the other core. Vitest sets
 * NODE_ENV=test; the builds must be production. The server is bundled as
 * `npm start` runs it (server/bundle.mjs), once, before tests start servers.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { serverBundle } from '../server/bundle.mjs';

/** Runs a command to its end; its status and everything it printed. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (out += d));
    child.on('close', (status) => resolve({ status, out }));
  });
}

export default async function setup() {
  // one thread: beside the builds it is as quick, and its checkers in parallel cost 13 CPU-s against 7
  const types = run('npx', ['tsc', '--noEmit', '--singleThreaded']);
  // once here, not by the first test processes that start the server or the admin command at the same time
  await serverBundle('start');
  // `npm run zip` builds both (as `npm run build` and `npm run build:firefox` do) and packs them for the stores
  // (tests/unit/packages.test.ts reads the packages): two builds instead of four
  mkdirSync('.output', { recursive: true });
  for (const old of readdirSync('.output').filter((f) => f.endsWith('.zip'))) rmSync(join('.output', old));
  const r = await run('npm', ['run', '-s', 'zip'], { ...process.env, NODE_ENV: 'production' });
  if (r.status !== 0) throw new Error(`The extension build failed (npm run zip):\n${r.out}`);
  const t = await types;
  if (t.status !== 0) throw new Error(`The type check failed (tsc --noEmit):\n${t.out}`);
}
