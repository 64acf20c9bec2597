/**
 * Admin commands. Each prints one JSON line, so scripts can read it:
 *   create-user --email E --name N --team T [--role rep|manager|admin]
 *   list-users [--team T]
 *   revoke-token (--token-id ID | --email E)
 *   seed-demo [--team T] [--accounts N]
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openDb } from '../db/client';
import { readEnv } from '../env';
import { createUser, listUsers, revokeTokens } from '../domain/auth';
import { USER_ROLES } from '../../shared/phases';
import { DomainError } from '../domain/errors';
import { seedDemo } from '../domain/demo';

const createUserArgs = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  name: z.string().trim().min(1).max(200),
  team: z.string().trim().min(1).max(200),
  role: z.enum(USER_ROLES).default('rep'),
});

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
      case 'seed-demo': {
        const accounts = values.accounts === undefined ? undefined : Number(values.accounts);
        if (accounts !== undefined && !(Number.isInteger(accounts) && accounts > 0 && accounts <= 100_000)) throw new Error('--accounts takes a whole number from 1 to 100000');
        return await seedDemo(db, { team: values.team ?? 'Demo', accounts });
      }
      default:
        throw new Error(`Unknown command "${command ?? ''}". Commands: create-user, list-users, revoke-token, seed-demo`);
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
