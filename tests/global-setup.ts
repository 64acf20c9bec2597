/**
 * Builds the extension once for the browser tests, as a user gets it
 * (`npm run build`, `npm run build:firefox`). One after the other: both write
 * WXT's generated files in `.wxt/`. Vitest sets NODE_ENV=test; the build must
 * be production.
 */
import { spawnSync } from 'node:child_process';

export default function setup() {
  for (const script of ['build', 'build:firefox']) {
    const r = spawnSync('npm', ['run', '-s', script], { env: { ...process.env, NODE_ENV: 'production' }, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`The extension build failed (npm run ${script}):\n${r.stdout}\n${r.stderr}`);
  }
}
