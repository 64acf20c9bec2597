/**
 * `npm run bench`: speed and size targets, printed as one table.
 * BENCH_ONLY=memory,size,capture,reports,real,week,hot,processes,import,soak picks some (soak: 1M requests, ~20 min); BENCH_CALLS sets the API call count.
 */
import { spawnSync } from 'node:child_process';
import { printTable, type Row } from './table';
import { serverMemory } from './server-memory';
import { extensionSize } from './extension-size';
import { captureLatency } from './capture-latency';
import { fullViewCache } from './full-view-cache';
import { reportsBench } from './reports';
import { realPagesBench } from './real-pages';
import { soak } from './soak';
import { repWeek } from './rep-week';
import { importBench } from './import';
import { hotPath } from './hot-path';
import { twoProcesses } from './two-processes';

const only = process.env.BENCH_ONLY?.split(',');
const wants = (name: string) => !only || only.includes(name);

async function main() {
  const build = spawnSync('npx', ['wxt', 'build'], { env: { ...process.env, NODE_ENV: 'production' }, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`extension build failed: ${build.stderr}`);
  const rows: Row[] = [];
  if (wants('size')) rows.push(...extensionSize());
  if (wants('real')) rows.push(...(await realPagesBench()));
  if (wants('week')) rows.push(...(await repWeek()));
  if (wants('capture')) rows.push(...(await captureLatency()), ...(await fullViewCache()));
  if (wants('reports')) rows.push(...(await reportsBench()));
  if (wants('hot')) rows.push(...(await hotPath()));
  if (wants('hot') || wants('processes')) rows.push(...(await twoProcesses()));
  if (wants('import')) rows.push(...(await importBench()));
  if (wants('memory')) rows.push(...(await serverMemory()));
  if (wants('soak')) rows.push(...(await soak()));
  printTable(rows);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
