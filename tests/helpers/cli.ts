import { execFileSync } from 'node:child_process';
import { expect } from 'vitest';

/** Runs `npm run admin -- …` exactly as the outside contract says, and parses its output: one JSON line. */
export function admin(databaseUrl: string, args: string[]): Record<string, unknown> {
  const out = execFileSync('npm', ['run', 'admin', '--', ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  expect(out.trim().split('\n')).toHaveLength(1);
  return JSON.parse(out);
}
