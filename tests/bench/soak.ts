/**
 * Soak: 1,000,000 mixed requests on one server process — reads, writes with
 * client ids, and fuzzed or refused bodies — with its resident memory read
 * from /proc every 100,000. Target: RSS at the end within 15 % of RSS after
 * the first 100,000, and not one 5xx. BENCH_SOAK_CALLS sets the count.
 */
import { readFileSync } from 'node:fs';
import { freePort, killHard, spawnServer } from '../helpers/process';
import { tmpDbUrl } from '../helpers/tmp';
import { jan, someone } from '../helpers/data';
import { mb, type Row } from './table';
import { cliUser } from './cli-user';

const status = (pid: number, field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;
const rss = (pid: number) => status(pid, 'VmRSS');
/** memory the process allocated itself (heap, native): a leak shows here; file pages (the mapped database, code) do not */
const anon = (pid: number) => status(pid, 'RssAnon');
const STEP = 100_000;

export async function soak(calls = Number(process.env.BENCH_SOAK_CALLS ?? 1_000_000)): Promise<Row[]> {
  const dbUrl = tmpDbUrl('bench-soak');
  const token = cliUser(dbUrl, 'Soak');
  const port = await freePort();
  const child = await spawnServer(port, dbUrl);
  const base = `http://127.0.0.1:${port}/trpc`;
  const headers = { Authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const get = (path: string, input: unknown) => fetch(`${base}/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers });
  const post = (path: string, body: string) => fetch(`${base}/${path}`, { method: 'POST', headers, body });
  // twenty accounts to read and log on, as a rep's book would have (one account with a million activities is no one's)
  const ids: string[] = [];
  for (let a = 0; a < 20; a++) {
    const person = someone('soak-base', a);
    ids.push((await (await post('capture.linkedInPerson', JSON.stringify({ person }))).json()).result.data.accountId as string);
  }

  const samples: number[] = [];
  const anonSamples: number[] = [];
  const answers = { ok: 0, refused: 0, server: 0 };
  let done = 0;
  const t0 = Date.now();
  const one = async (i: number) => {
    const k = i % 20;
    const accountId = ids[Math.floor(i / 20) % ids.length]!;
    let res: Response;
    if (k < 6) res = await get('accounts.get', { id: accountId });
    else if (k < 10) res = await get('accounts.lookupLinkedIn', { profileUrl: jan.profileUrl });
    else if (k < 11) res = await get('accounts.search', { q: `basis ${i % 20}` });
    else if (k === 11) res = await get('accounts.lookupEmails', { people: [{ email: 'jan.devries@acme.example' }] });
    else if (k < 14) res = await post('activities.log', JSON.stringify({ accountId, type: 'call', occurredAt: Date.now(), clientId: `soak-${i}` }));
    // a replayed write: answered from the first result
    else if (k === 14) res = await post('activities.log', JSON.stringify({ accountId, type: 'call', clientId: `soak-${i - 1}` }));
    else if (k === 15) res = await post('capture.linkedInPerson', JSON.stringify({ person: someone('soak', i) }));
    // refused and fuzzed bodies
    else if (k === 16) res = await post('activities.log', JSON.stringify({ accountId, type: 'call', occurredAt: 9e15 }));
    else if (k === 17) res = await post('capture.linkedInPerson', '{not json');
    else if (k === 18) res = await get('accounts.get', { id: `nope\u0000${i}` });
    else res = await post('accounts.update', JSON.stringify({ accountId, patch: {} }));
    await res.arrayBuffer();
    if (res.status < 300) answers.ok++;
    else if (res.status < 500) answers.refused++;
    else answers.server++;
  };
  const worker = async () => {
    while (done < calls) {
      const i = done++;
      await one(i);
      if ((i + 1) % STEP === 0) {
        samples.push(rss(child.pid!));
        anonSamples.push(anon(child.pid!));
        // progress on stderr: a long run shows how it goes, and a cut-short one leaves its figures
        console.error(
          `soak: ${i + 1} requests in ${((Date.now() - t0) / 1000).toFixed(0)} s, RSS ${mb(samples.at(-1)!)}, anonymous ${mb(anonSamples.at(-1)!)}`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  const seconds = (Date.now() - t0) / 1000;
  const end = rss(child.pid!);
  const endAnon = anon(child.pid!);
  await killHard(child);
  const anonAfter100k = anonSamples[0] ?? endAnon;
  const after100k = samples[0] ?? end;
  const growth = (end - after100k) / after100k;
  return [
    {
      benchmark: 'soak',
      measure: 'mixed requests over 20 accounts (55 % reads, 25 % writes, 20 % refused or fuzzed)',
      value: `${calls.toLocaleString('en')} in ${seconds.toFixed(0)} s (${Math.round(calls / seconds)}/s)`,
    },
    {
      benchmark: 'soak',
      measure: 'answers: ok / refused (4xx) / server errors (5xx)',
      value: `${answers.ok} / ${answers.refused} / ${answers.server}`,
      target: '0 server errors',
    },
    {
      benchmark: 'soak',
      measure: 'RSS after 100k → end',
      value: `${mb(after100k)} → ${mb(end)} (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} %)`,
      target: 'within 15 %',
    },
    { benchmark: 'soak', measure: 'RSS every 100,000', value: `${samples.map((x) => (x / 1024 / 1024).toFixed(0)).join(' → ')} MB` },
    {
      benchmark: 'soak',
      measure: 'anonymous RSS (heap, native; no file pages) after 100k → end',
      value: `${mb(anonAfter100k)} → ${mb(endAnon)} (${(((endAnon - anonAfter100k) / anonAfter100k) * 100).toFixed(1)} %)`,
    },
  ];
}
