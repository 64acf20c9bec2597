/**
 * Builds the extension once for the browser tests, as a user gets it
 * (`npm run build`). Vitest sets NODE_ENV=test; the build must be production.
 */
import { spawnSync } from 'node:child_process';

export default function setup() {
  const r = spawnSync('npx', ['wxt', 'build'], { env: { ...process.env, NODE_ENV: 'production' }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`The extension build failed:\n${r.stdout}\n${r.stderr}`);
}
