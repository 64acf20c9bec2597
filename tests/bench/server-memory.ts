/**
 * 200,000 API calls against the server in its own process, with its
 * resident memory read from /proc at the start, along the way and at the end.
 */
import { readFileSync } from 'node:fs';
import { createTRPCClient, httpLink } from '@trpc/client';
import type { AppRouter } from '../../server/routers';
import { freePort, killHard, spawnServer } from '../helpers/process';
import { tmpDbUrl } from '../helpers/tmp';
import { jan } from '../helpers/data';
import { mb, type Row } from './table';
import { cliUser } from './cli-user';

const rss = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

export async function serverMemory(calls = Number(process.env.BENCH_CALLS ?? 200_000)): Promise<Row[]> {
  const dbUrl = tmpDbUrl('bench-mem');
  const token = cliUser(dbUrl, 'Bench');
  const port = await freePort();
  const child = await spawnServer(port, dbUrl);
  const api = createTRPCClient<AppRouter>({
    links: [httpLink({ url: `http://127.0.0.1:${port}/trpc`, headers: { Authorization: `Bearer ${token}` } })],
  });
  const { accountId } = await api.capture.linkedInPerson.mutate({ person: jan });
  const start = rss(child.pid!);
  const samples: number[] = [];
  let done = 0;
  const t0 = Date.now();
  const worker = async () => {
    while (done < calls) {
      const i = done++;
      // a mix of what the sidebar does on every page: lookups and the account with its timeline
      if (i % 3 === 0) await api.accounts.get.query({ id: accountId });
      else if (i % 3 === 1) await api.accounts.lookupLinkedIn.query({ profileUrl: jan.profileUrl });
      else await api.accounts.search.query({ q: 'acme' });
      if (i % 20_000 === 0) samples.push(rss(child.pid!));
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  const seconds = (Date.now() - t0) / 1000;
  const end = rss(child.pid!);
  await killHard(child);
  return [
    { benchmark: 'server memory', measure: `API calls`, value: `${calls.toLocaleString('en')} in ${seconds.toFixed(0)} s (${Math.round(calls / seconds)}/s)` },
    { benchmark: 'server memory', measure: 'RSS at start', value: mb(start) },
    { benchmark: 'server memory', measure: 'RSS at end', value: mb(end), target: 'flat (no growth per call)' },
    { benchmark: 'server memory', measure: 'RSS every 20,000 calls', value: `${samples.map((x) => (x / 1024 / 1024).toFixed(0)).join(' → ')} MB` },
  ];
}
