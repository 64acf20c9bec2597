/**
 * `npm start`: builds the extension, starts the server on
 * the configured database, and on a first start with an empty database
 * creates a team and an admin and prints their one-time token.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { readEnv } from './env';
import { startServer } from './index';
import { createFirstAdmin } from './domain/auth';

const EXTENSION_DIR = '.output/chrome-mv3';

async function main() {
  const env = readEnv();
  // build on every start (about a second) so the loaded extension matches the code; tests skip it
  if (process.env.SKIP_EXTENSION_BUILD !== '1') {
    console.log(existsSync(`${EXTENSION_DIR}/manifest.json`) ? 'Building the extension…' : 'Building the extension (first start)…');
    const r = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    if (r.status !== 0) console.error('The extension build failed; the server starts anyway.');
  }
  const server = await startServer(env);
  const first = await createFirstAdmin(server.db, { email: 'admin@example.com', name: 'Admin', team: 'My team', role: 'admin' });
  if (first) {
    console.log(
      [
        '',
        'First start: created team "My team" with admin admin@example.com.',
        `  Token (shown once): ${first.token}`,
        '',
        `Load the extension: chrome://extensions → Developer mode → Load unpacked → ${process.cwd()}/${EXTENSION_DIR}`,
        `Then open its options, set the server URL to ${server.url} and paste the token.`,
        'More users: npm run admin -- create-user --email E --name N --team "My team"',
        '',
      ].join('\n'),
    );
  }
  // printed last: once it shows, the first-start decision (a token or none) is made
  console.log(`phase-crm server on ${server.url} (database ${env.DATABASE_URL.replace(/\/\/[^@]*@/, '//…@')})`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
