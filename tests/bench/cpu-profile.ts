/**
 * Where the server's time went (issue 17 asks the bench to keep a profile's
 * top entries beside the figures): a V8 CPU profile of the server's main
 * thread (`node --cpu-prof`, written when the process exits), its self time
 * summed per package and per function, as rows under the table.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Row } from './table';

interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** node_modules/<package>, node's own modules, our bundle, or V8's own entries ("(garbage collector)") */
function packageOf(url: string, name: string): string {
  const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] === 'libsql' ? 'libsql (SQLite, native)' : pkg[1]!;
  if (url.startsWith('node:')) return 'node (HTTP, streams, crypto)';
  if (url.includes('/.output/server/')) return 'phase-crm';
  return url ? url : name;
}

const where = (url: string, line: number) => `${url.replace(/.*node_modules\//, '').replace(/.*\/\.output\/server\//, '')}:${line + 1}`;

/** The top entries of the main thread's profile in `dir` (the worker threads' profiles are left out). */
export function profileRows(dir: string, label: string, top = 8): Row[] {
  // CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile: thread 0 is the main thread
  const file = readdirSync(dir).find((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f));
  if (!file) throw new Error(`cpu-profile: no main-thread profile in ${dir}`);
  const p = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile;
  const self = new Map<number, number>();
  for (const [i, id] of p.samples.entries()) self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0));
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const n of p.nodes) {
    const t = self.get(n.id) ?? 0;
    if (!t) continue;
    total += t;
    const { functionName, url, lineNumber } = n.callFrame;
    const pkg = packageOf(url, functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + t);
    const fn = url ? `${functionName || '(anonymous)'} ${where(url, lineNumber)}` : functionName;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + t);
  }
  const share = (t: number) => `${((t / total) * 100).toFixed(1)} %`;
  const rows = (m: Map<string, number>, what: string) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, t]) => ({ benchmark: 'hot path profile', measure: `${label}, self time ${what}: ${k}`, value: share(t) }));
  return [...rows(byPackage, 'by package'), ...rows(byFunction, 'by function')];
}
