/**
 * `npm start` and `npm run admin` run the server from a bundle
 * (server/bundle.mjs): a developer's edit must show on the next run, as it
 * did when they ran from source, and an unchanged source is not rebuilt.
 * Run on a copy of the project, so that an edit here touches no other test.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

function projectCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'phase-crm-bundle-'));
  for (const part of ['server', 'shared', 'package.json', 'tsconfig.json']) cpSync(resolve(part), join(dir, part), { recursive: true });
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
  return dir;
}

/** `npm run admin -- …` in `dir`: what it printed, and its exit status */
function admin(dir: string, args: string[]) {
  try {
    return {
      out: execFileSync(process.execPath, ['server/launch.mjs', 'admin', ...args], {
        cwd: dir,
        encoding: 'utf8',
        stdio: 'pipe',
        env: { ...process.env, DATABASE_URL: `file:${join(dir, 'db.sqlite')}` },
      }),
      status: 0,
    };
  } catch (e) {
    const failed = e as { stdout: string; stderr: string; status: number };
    return { out: failed.stdout + failed.stderr, status: failed.status };
  }
}

describe('the server bundle', () => {
  it('an edit to the source shows on the next run; without one, the bundle is not built again', { timeout: 60_000 }, async () => {
    const dir = projectCopy();
    expect(admin(dir, ['nonsense']).out).toContain('Unknown command \\"nonsense\\"');
    const meta = join(dir, '.output/server/meta.json');
    const built = statSync(meta).mtimeMs;
    expect(admin(dir, ['nonsense']).status).toBe(1);
    expect(statSync(meta).mtimeMs, 'an unchanged source is not bundled again').toBe(built);

    // an edit in a module the admin command imports (not its entry file)
    const errors = join(dir, 'server/domain/users.ts');
    writeFileSync(errors, `${readFileSync(errors, 'utf8')}\nconsole.error('edited after the first run');\n`);
    expect(admin(dir, ['nonsense']).out).toContain('edited after the first run');
  });

  it('the migrations are found from the bundle, and a wrong entry point is named', { timeout: 60_000 }, async () => {
    const dir = projectCopy();
    const created = admin(dir, ['create-user', '--email', 'jan@verkoop.example', '--name', 'Jan', '--team', 'Verkoop']);
    expect(created.status).toBe(0);
    expect(JSON.parse(created.out)).toMatchObject({ email: 'jan@verkoop.example', team: 'Verkoop' });
    const wrong = (() => {
      try {
        execFileSync(process.execPath, ['server/launch.mjs', 'serve'], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
        return '';
      } catch (e) {
        return (e as { stderr: string }).stderr;
      }
    })();
    expect(wrong.trim()).toBe('No server entry point "serve" (one of start, admin)');
  });
});
