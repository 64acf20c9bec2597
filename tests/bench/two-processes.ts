/**
 * Two server processes on one libSQL file (issue 17): 200 sidebar writes a
 * second spread over both, sent at a steady pace whether or not earlier ones
 * have answered (as a team's extensions send them), for 10 seconds. Prints
 * the latency of every write and how many answered with a server error.
 * Each process first takes 2,000 writes, not timed, as a running server has.
 */
import { freePort, killHard, spawnServer } from '../helpers/process';
import { tmpDbUrl } from '../helpers/tmp';
import { quantile, type Row } from './table';
import { cliUser } from './cli-user';
import { drive } from './drive';

const RATE = 200;
const SECONDS = 10;
const WARM_UP = 2_000;

/** `count` server processes on one new file; the writes go to them in turn. */
async function paced(count: 1 | 2) {
  const dbUrl = tmpDbUrl('bench-two');
  const token = cliUser(dbUrl, 'Two');
  const ports = count === 2 ? [await freePort(), await freePort()] : [await freePort()];
  const servers = [];
  for (const port of ports) servers.push(await spawnServer(port, dbUrl));
  try {
    const headers = { Authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const post = (i: number, path: string, body: unknown) =>
      fetch(`http://127.0.0.1:${ports[i % ports.length]}/trpc/${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    // twenty accounts to log on, made through every process
    const accounts: string[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await post(i, 'capture.linkedInCompany', {
        company: { kind: 'company', companyUrl: `https://www.linkedin.com/company/two-${i}`, name: `Twee ${i} BV` },
      });
      accounts.push((await res.json()).result.data.accountId);
    }
    // a running server, not one in its first seconds (its JavaScript not yet compiled: p99 several times higher, measured)
    await drive(WARM_UP * count, 8, (i) => post(i, 'activities.log', { accountId: accounts[i % accounts.length], type: 'note', subject: `Warm-up ${i}` }));
    const times: number[] = [];
    let failed = 0;
    const sent: Promise<void>[] = [];
    const t0 = performance.now();
    for (let i = 0; i < RATE * SECONDS; i++) {
      // open loop: the i-th write leaves at its time, not when the previous one answered
      const wait = t0 + (i * 1000) / RATE - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const s = performance.now();
      sent.push(
        post(i, 'activities.log', { accountId: accounts[i % accounts.length], type: 'call', subject: `Call ${i}`, clientId: `two-${i}-call` }).then(
          async (res) => {
            await res.arrayBuffer();
            times.push(performance.now() - s);
            if (res.status >= 500) failed++;
          },
          () => {
            failed++;
          },
        ),
      );
    }
    await Promise.all(sent);
    const rate = (RATE * SECONDS) / ((performance.now() - t0) / 1000);
    return `${Math.round(rate)}/s, p50 ${quantile(times, 0.5).toFixed(1)} ms, p99 ${quantile(times, 0.99).toFixed(1)} ms, ${failed} 5xx`;
  } finally {
    await Promise.all(servers.map(killHard));
  }
}

export async function twoProcesses(): Promise<Row[]> {
  const measure = `${RATE} writes/s (activities.log), ${SECONDS} s, sent at a steady pace after ${WARM_UP.toLocaleString('en')} per process`;
  return [
    { benchmark: 'two processes', measure: `${measure}: one server process (for comparison)`, value: await paced(1), target: '' },
    { benchmark: 'two processes', measure: `${measure}: two server processes on one file`, value: await paced(2), target: 'p99 ≤ 50 ms, no 5xx' },
  ];
}
