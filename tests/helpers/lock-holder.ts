/**
 * Another process holding the database's write lock: it opens the same file,
 * begins an immediate transaction, says "locked", and commits when told to
 * ("release" on its stdin), then says "released". Tests wait on those words,
 * never on the clock.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = `
const Database = require('libsql');
const db = new Database(process.argv[1]);
db.exec('PRAGMA busy_timeout=10000');
db.exec('BEGIN IMMEDIATE');
db.exec("CREATE TABLE IF NOT EXISTS lock_probe (x)");
process.stdout.write('locked\\n');
process.stdin.on('data', (d) => {
  if (String(d).includes('release')) { db.exec('COMMIT'); db.close(); process.stdout.write('released\\n'); process.exit(0); }
});
`;

export interface LockHolder {
  held: () => boolean;
  release: () => Promise<void>;
}

export async function holdWriteLock(dbUrl: string): Promise<LockHolder> {
  const file = dbUrl.startsWith('file:') ? dbUrl.slice('file:'.length) : fileURLToPath(dbUrl);
  const child = spawn(process.execPath, ['-e', SCRIPT, file], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const said = (word: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (out.includes(word)) return resolve();
        if (child.exitCode !== null) return reject(new Error(`the lock holder exited: ${err}`));
      };
      child.stdout!.on('data', (d) => ((out += d), check()));
      child.once('exit', check);
      check();
    });
  child.stderr!.on('data', (d) => (err += d));
  await said('locked');
  return {
    held: () => !out.includes('released'),
    release: async () => {
      child.stdin!.write('release\n');
      await said('released');
    },
  };
}
