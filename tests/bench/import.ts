/**
 * Importing a 50,000-row selection (a KvK-style list, `;`, Dutch headers)
 * into a libSQL file, beside raw libSQL inserting the same number of
 * 10-column rows with two indexes in the same run. A second import of the
 * same file (everything matches) shows the cost of matching alone.
 */
import { createClient } from '@libsql/client';
import { openDb } from '../../server/db/client';
import { createUser } from '../../server/domain/auth';
import { importSelection } from '../../server/domain/intake/import';
import { tmpDbUrl } from '../helpers/tmp';
import type { Row } from './table';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 50_000);

function selection(n: number): Uint8Array {
  const lines = ['Bedrijfsnaam;Straat;Huisnummer;Postcode;Plaats;KvK-nummer;SBI-omschrijving;Website;Contactpersoon;E-mail'];
  for (let i = 0; i < n; i++) {
    const pc = `${1000 + (i % 9000)} ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + (((i / 26) | 0) % 26))}`;
    lines.push(
      `Bedrijf ${i} BV;Straat;${i % 200};${pc};Plaats ${i % 300};${String(10_000_000 + i)};Branche ${i % 40};www.bedrijf-${i}.example;${i % 3 ? `Persoon ${i}` : ''};${i % 3 ? `p${i}@bedrijf-${i}.example` : ''}`,
    );
  }
  return new TextEncoder().encode(lines.join('\r\n'));
}

async function rawInserts(n: number): Promise<number> {
  const client = createClient({ url: tmpDbUrl('bench-raw') });
  await client.execute('PRAGMA journal_mode=WAL');
  await client.execute('PRAGMA synchronous=NORMAL');
  await client.execute(
    'create table t (id text primary key, team text, name text, street text, postcode text, city text, kvk text, industry text, website text, source text)',
  );
  await client.execute('create index t_kvk on t(team, kvk)');
  await client.execute('create index t_pc on t(team, postcode)');
  const t0 = performance.now();
  for (let i = 0; i < n; i += 500) {
    const tx = await client.transaction('write');
    for (let j = i; j < Math.min(n, i + 500); j++) {
      await tx.execute({
        sql: 'insert into t values (?,?,?,?,?,?,?,?,?,?)',
        args: [crypto.randomUUID(), 'team', `Bedrijf ${j}`, 'Straat', '1234 AB', 'Plaats', String(j), 'Branche', 'https://x.example', 'bench'],
      });
    }
    await tx.commit();
  }
  const s = (performance.now() - t0) / 1000;
  client.close();
  return s;
}

export async function importBench(): Promise<Row[]> {
  const file = selection(ROWS);
  const raw = await rawInserts(ROWS);
  const db = await openDb({ url: tmpDbUrl('bench-import') });
  const user = await createUser(db, { email: 'bench@example.com', name: 'Bench', team: 'Bench', role: 'admin' });
  const actor = { teamId: user.teamId, userId: user.userId, role: 'admin' as const };
  let t0 = performance.now();
  const first = await importSelection(db, actor, file, { source: 'Bench selection' });
  const firstS = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const again = await importSelection(db, actor, file, { source: 'Bench selection' });
  const againS = (performance.now() - t0) / 1000;
  db.client.close();
  if (first.imported !== ROWS || again.matched !== ROWS)
    throw new Error(`import bench: expected ${ROWS} new then ${ROWS} matched, got ${first.imported} / ${again.matched}`);
  const k = (ROWS / 1000).toFixed(0);
  return [
    {
      benchmark: 'import',
      measure: `${k}k-row selection → suspects (with contacts, phase changes)`,
      value: `${firstS.toFixed(1)} s (${Math.round(ROWS / firstS)} rows/s)`,
      target: '≤ 30 s',
    },
    { benchmark: 'import', measure: `same file again (all matched, nothing changes)`, value: `${againS.toFixed(1)} s`, target: '' },
    {
      benchmark: 'import',
      measure: `raw libSQL: ${k}k 10-column inserts, 2 indexes, same run`,
      value: `${raw.toFixed(1)} s (${Math.round(ROWS / raw)} rows/s)`,
      target: 'reference',
    },
  ];
}
