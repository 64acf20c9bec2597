import { execFileSync } from 'node:child_process';

/** Runs `npm run admin -- …` as a user would, and parses its one JSON line. */
export function admin(databaseUrl: string, args: string[]): Record<string, unknown> {
  const out = execFileSync('npm', ['run', '--silent', 'admin', '--', ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1)!);
}
