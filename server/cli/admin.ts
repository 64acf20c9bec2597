/**
 * Admin commands. Each prints one JSON line, so scripts can read it:
 *   create-user --email E --name N --team T [--role rep|manager|admin]
 *   list-users [--team T]
 *   revoke-token (--token-id ID | --email E)
 *   set-role --team T --email E --role rep|manager|admin
 *   export-person --team T (--email E | --linkedin URL)
 *   erase-person --team T (--email E | --linkedin URL)
 *   erase-account --team T --account ID
 *   seed-demo [--team T] [--accounts N]
 *   import --team T --file F.csv [--source S] [--owner E] [--dry-run]
 *   create-form --team T --name N [--redirect URL] [--origin URL ...] [--owner E]
 *   export --team T --out DIR [--format csv|jsonl] [--delimiter ';'|',']
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openDb, type Db } from '../db/client';
import { readEnv } from '../env';
import { createUser, listUsers, revokeTokens } from '../domain/auth';
import { USER_ROLES } from '../../shared/phases';
import { DomainError } from '../domain/errors';
import { setRoleByTeam } from '../domain/users';
import { teams } from '../db/schema';
import type { Actor } from '../domain/actor';
import { eq } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

// commands that need more than users and teams load it when they run: every call starts a process, and an admin (or a script) waits for it
const privacy = () => import('../domain/privacy');

const createUserArgs = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  name: z.string().trim().min(1).max(200),
  team: z.string().trim().min(1).max(200),
  role: z.enum(USER_ROLES).default('rep'),
});

/** The admin command acts as an admin of the named team; its changes are recorded without a user. */
async function cliAdmin(db: Db, team: string | undefined): Promise<Actor> {
  if (!team) throw new Error('--team is required');
  const row = await db.query.teams.findFirst({ where: eq(teams.name, team.trim()) });
  if (!row) throw new Error(`No team "${team}"`);
  return { teamId: row.id, userId: '', role: 'admin' };
}

function personRef(values: { email?: string; linkedin?: string }) {
  const ref = z
    .object({ email: z.string().trim().toLowerCase().email().max(254).optional(), linkedinUrl: z.string().trim().max(2000).url().optional() })
    .safeParse({ email: values.email, linkedinUrl: values.linkedin });
  if (!ref.success || (!ref.data.email && !ref.data.linkedinUrl)) throw new Error('give --email E or --linkedin URL');
  return ref.data;
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      team: { type: 'string' },
      role: { type: 'string' },
      'token-id': { type: 'string' },
      accounts: { type: 'string' },
      linkedin: { type: 'string' },
      account: { type: 'string' },
      file: { type: 'string' },
      source: { type: 'string' },
      owner: { type: 'string' },
      'dry-run': { type: 'boolean' },
      redirect: { type: 'string' },
      origin: { type: 'string', multiple: true },
      out: { type: 'string' },
      format: { type: 'string' },
      delimiter: { type: 'string' },
    },
    strict: true,
  });
  const env = readEnv();
  const db = await openDb({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN });
  try {
    switch (command) {
      case 'create-user': {
        const args = createUserArgs.safeParse(values);
        if (!args.success) throw new Error(`create-user: ${args.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`);
        return await createUser(db, args.data);
      }
      case 'list-users':
        return { users: await listUsers(db, values.team) };
      case 'revoke-token':
        if (!values['token-id'] && !values.email) throw new Error('revoke-token needs --token-id or --email');
        return { revoked: await revokeTokens(db, { tokenId: values['token-id'], email: values.email }) };
      case 'set-role': {
        const role = z.enum(USER_ROLES).safeParse(values.role);
        if (!values.team || !values.email || !role.success) throw new Error('set-role needs --team, --email and --role rep|manager|admin');
        return await setRoleByTeam(db, values.team, values.email, role.data);
      }
      case 'export-person':
        return await (await privacy()).exportPerson(db, await cliAdmin(db, values.team), personRef(values));
      case 'erase-person':
        return await (await privacy()).erasePerson(db, await cliAdmin(db, values.team), personRef(values));
      case 'erase-account':
        if (!values.account) throw new Error('erase-account needs --account ID');
        return await (await privacy()).eraseAccount(db, await cliAdmin(db, values.team), { accountId: values.account });
      case 'seed-demo': {
        const accounts = values.accounts === undefined ? undefined : Number(values.accounts);
        if (accounts !== undefined && !(Number.isInteger(accounts) && accounts > 0 && accounts <= 100_000))
          throw new Error('--accounts takes a whole number from 1 to 100000');
        return await (await import('../domain/demo')).seedDemo(db, { team: values.team ?? 'Demo', accounts });
      }
      case 'import': {
        if (!values.file) throw new Error('import needs --file F.csv');
        const actor = await cliAdmin(db, values.team);
        const {
          errors,
          preview: _preview,
          headers: _headers,
          sample: _sample,
          ...counts
        } = await (await import('../domain/intake/import')).importSelection(db, actor, readFileSync(values.file), {
          source: values.source ?? basename(values.file).replace(/\.[^.]+$/, ''),
          ownerEmail: values.owner,
          dryRun: values['dry-run'],
        });
        return { ...counts, errors: errors.slice(0, 20) };
      }
      case 'create-form': {
        const form = await (await import('../domain/intake/forms')).createForm(db, await cliAdmin(db, values.team), {
          name: values.name ?? '',
          redirectUrl: values.redirect,
          origins: values.origin ?? [],
          ownerEmail: values.owner,
        });
        return { ...form, post: `/forms/${form.key}` };
      }
      case 'export':
        if (!values.out) throw new Error('export needs --out DIR');
        return await (await import('./export-files')).exportAll(db, await cliAdmin(db, values.team), values.out, values.format, values.delimiter);
      default:
        throw new Error(
          `Unknown command "${command ?? ''}". Commands: create-user, list-users, revoke-token, set-role, export-person, erase-person, erase-account, seed-demo, import, create-form, export`,
        );
    }
  } finally {
    db.client.close();
  }
}

main(process.argv.slice(2)).then(
  (out) => console.log(JSON.stringify(out)),
  (e) => {
    console.error(JSON.stringify({ error: e instanceof DomainError || e instanceof Error ? e.message : String(e) }));
    process.exit(1);
  },
);
