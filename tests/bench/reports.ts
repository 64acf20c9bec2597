/**
 * The whole dashboard query set over a large team: 1,000,000 phase changes
 * and 5,000,000 activities by default, and a tenth of that to see how the
 * cost grows with size, as a manager sees the whole team (and one rep their
 * own accounts). Cold: the first call on a freshly opened database,
 * as after a server start (SQLite's page and statement caches empty; the
 * operating system's file cache stays warm, as it does on a running
 * machine). Warm: the median of the calls after it.
 */
import { closeSync, fsyncSync, openSync, readSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb } from '../../server/db/client';
import { dashboard } from '../../server/domain/reports';
import { tmpDbUrl } from '../helpers/tmp';
import { bigHistory } from './big-history';
import { median, ms, type Row } from './table';

const DAY = 86_400_000;

async function measure(scale: number, runs = 3): Promise<{ rows: Row[]; d90: number; d365: number }> {
  const url = tmpDbUrl('bench-reports');
  const built0 = await openDb({ url });
  const end = Date.UTC(2026, 10, 1);
  const t0 = Date.now();
  const h = await bigHistory(built0, { phaseChanges: 1_000_000 * scale, activities: 5_000_000 * scale, end });
  const built = (Date.now() - t0) / 1000;
  built0.client.close();
  // the generator's gigabytes go to disk now, not while the first call is timed, and the file is read through
  // once: on a running server it is in the operating system's cache (what generating pushed out of it was not)
  const fd = openSync(fileURLToPath(url), 'r+');
  fsyncSync(fd);
  const chunk = Buffer.alloc(8 << 20);
  while (readSync(fd, chunk) > 0);
  closeSync(fd);
  /** the first call on a new connection, then the median of `runs` more */
  const time = async (days: number, who = h.actor) => {
    const db = await openDb({ url });
    const call = async () => {
      const s = performance.now();
      await dashboard(db, who, { from: end - days * DAY, to: end }, end);
      return performance.now() - s;
    };
    const cold = await call();
    const xs: number[] = [];
    for (let i = 0; i < runs; i++) xs.push(await call());
    db.client.close();
    return { cold, warm: median(xs) };
  };
  const t90 = await time(90);
  const t365 = await time(365);
  const rep365 = await time(365, h.repActor);
  const [d90, d365] = [t90.warm, t365.warm];
  // gigabytes: do not leave them behind
  rmSync(dirname(fileURLToPath(url)), { recursive: true, force: true });
  const size = `${h.phaseChanges.toLocaleString('en')} changes, ${h.activities.toLocaleString('en')} activities`;
  return {
    d90,
    d365,
    rows: [
      { benchmark: 'dashboard queries', measure: `${size}: generated in`, value: `${built.toFixed(0)} s` },
      {
        benchmark: 'dashboard queries',
        measure: `${size}: 90-day period, cold (first call after opening)`,
        value: ms(t90.cold),
        target: scale === 1 ? '≤ 200 ms' : '',
      },
      { benchmark: 'dashboard queries', measure: `${size}: 90-day period, warm`, value: ms(d90) },
      {
        benchmark: 'dashboard queries',
        measure: `${size}: 1-year period, cold (first call after opening)`,
        value: ms(t365.cold),
        target: scale === 1 ? '≤ 1000 ms' : '',
      },
      { benchmark: 'dashboard queries', measure: `${size}: 1-year period, warm`, value: ms(d365) },
      { benchmark: 'dashboard queries', measure: `${size}: 1-year period, one rep's own, cold / warm`, value: `${ms(rep365.cold)} / ${ms(rep365.warm)}` },
    ],
  };
}

export async function reportsBench(): Promise<Row[]> {
  const scale = Number(process.env.BENCH_REPORT_SCALE ?? 1);
  const small = await measure(scale / 10);
  const full = await measure(scale);
  const growth = (a: number, b: number) => `${(b / a).toFixed(1)}× for 10× the data`;
  return [
    ...small.rows,
    ...full.rows,
    { benchmark: 'dashboard queries', measure: 'growth, 90-day period', value: growth(small.d90, full.d90) },
    { benchmark: 'dashboard queries', measure: 'growth, 1-year period', value: growth(small.d365, full.d365) },
  ];
}
