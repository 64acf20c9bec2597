/**
 * The server's domain in three levels, each importing only downward:
 * records (row reads and writes, noting what changed), projections (the
 * reporting tables, applied from those changes once per transaction) and the
 * use cases above both. Read from the import statements of the source itself,
 * so a new import that goes upward or round in a circle fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return name === 'migrations' ? [] : sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative import of a file (type imports too: a level does not name what lies above it), as a path from the root. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom '(\.[^']+)'/gms)].map((m) => normalize(join(dirname(file), m[1]!)));
}

const graph = new Map(sources('server').map((f) => [f.replace(/\.ts$/, ''), importsOf(f)]));
const under = (prefix: string) => [...graph.keys()].filter((f) => f.startsWith(prefix));
/** the imports of the modules under `prefix` that lead outside what `allowed` lets them name, as "from → to" */
const outside = (prefix: string, allowed: (to: string) => boolean) =>
  under(prefix).flatMap((f) =>
    graph
      .get(f)!
      .filter((to) => !allowed(to))
      .map((to) => `${f} → ${to}`),
  );

describe('the levels of the server', () => {
  it('records import only the database, the shared model, the actor and errors, and other records', () => {
    const allowed = (to: string) =>
      to.startsWith('server/db/') ||
      to.startsWith('shared/') ||
      to.startsWith('server/domain/records/') ||
      ['server/domain/actor', 'server/domain/errors'].includes(to);
    expect(outside('server/domain/records/', allowed)).toEqual([]);
    expect(under('server/domain/records/').length).toBeGreaterThan(1);
  });

  it('projections import only the database, the shared model, the checklist rules, and other projections', () => {
    const allowed = (to: string) =>
      to.startsWith('server/db/') || to.startsWith('shared/') || to.startsWith('server/domain/projections/') || to === 'server/domain/checklist';
    expect(outside('server/domain/projections/', allowed)).toEqual([]);
  });

  it('use cases leave the projections to the transaction (only transact.ts and the start-up backfill name them)', () => {
    const users = [...graph].flatMap(([f, tos]) =>
      f.startsWith('server/domain/projections/') ? [] : tos.filter((to) => to.startsWith('server/domain/projections/')).map(() => f),
    );
    expect([...new Set(users)].sort()).toEqual(['server/domain/transact', 'server/index']);
  });

  it('the database layer knows nothing of the domain', () => {
    expect(outside('server/db/', (to) => !to.startsWith('server/domain/'))).toEqual([]);
  });

  it('no module of the server imports itself through others', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...path.slice(path.indexOf(f)), f].map((p) => relative('server', p)).join(' → '));
        return;
      }
      state.set(f, 'open');
      for (const to of graph.get(f) ?? []) if (graph.has(to)) visit(to, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of graph.keys()) visit(f, []);
    expect(cycles).toEqual([]);
  });
});
