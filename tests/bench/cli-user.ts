/** A new team and user on a bench's database file, made with the admin CLI as an operator would; its API token. */
import { execFileSync } from 'node:child_process';

export function cliUser(dbUrl: string, name: string): string {
  const out = execFileSync(
    process.execPath,
    ['server/launch.mjs', 'admin', 'create-user', '--email', `${name.toLowerCase()}@verkoop.example`, '--name', name, '--team', name],
    { env: { ...process.env, DATABASE_URL: dbUrl }, encoding: 'utf8' },
  );
  return JSON.parse(out.trim()).token;
}
