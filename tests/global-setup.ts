/**
 * Builds the extension once for the browser tests, as a user gets it
 * (`npm run build`, `npm run build:firefox`). Vitest sets NODE_ENV=test; the
 * build must be production.
 */
import { spawnSync } from 'node:child_process';

const BUILDS = [
  ['wxt', 'build'],
  ['wxt', 'build', '-b', 'firefox', '--mv3'],
];

export default function setup() {
  for (const args of BUILDS) {
    const r = spawnSync('npx', args, { env: { ...process.env, NODE_ENV: 'production' }, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`The extension build failed (${args.join(' ')}):\n${r.stdout}\n${r.stderr}`);
  }
}
