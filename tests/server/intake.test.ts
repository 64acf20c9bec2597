/**
 * Suspects from selections (a Dutch KvK export and an English fair list),
 * driven through the admin CLI and the HTTP route as the contract says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer } from '../../server/index';
import { openDb, type Db } from '../../server/db/client';
import { captureEmailContact } from '../../server/domain/capture';
import { applyMove } from '../../server/domain/moves';
import { admin } from '../helpers/cli';
import { createCallerFactory } from '../../server/trpc';
import { appRouter } from '../../server/routers';
import { authenticate, createUser } from '../../server/domain/auth';
import { tmpDbUrl } from '../helpers/tmp';
import { eq } from 'drizzle-orm';
import { accounts } from '../../server/db/schema';
import { transact } from '../../server/domain/transact';

const NL = resolve('tests/fixtures/intake/kvk-selectie-nl.csv');
const EN = resolve('tests/fixtures/intake/fair-list-en.csv');

let server: Awaited<ReturnType<typeof startServer>>;
let db: Db;
const dbUrl = tmpDbUrl('intake');
let manager: { token: string; teamId: string; userId: string };
let rep: { token: string };

beforeAll(async () => {
  server = await startServer({ PORT: 0, HOST: '127.0.0.1', DATABASE_URL: dbUrl });
  db = server.db;
  manager = await createUser(db, { email: 'mia@verkoop.example', name: 'Mia Manager', team: 'Verkoop BV', role: 'manager' });
  rep = await createUser(db, { email: 'rob@verkoop.example', name: 'Rob Rep', team: 'Verkoop BV', role: 'rep' });
  await createUser(db, { email: 'anne@verkoop.example', name: 'Anne Admin', team: 'Verkoop BV', role: 'admin' });
});
afterAll(() => server?.close());

const snapshot = async () => ({
  accounts: (await db.query.accounts.findMany()).map(({ id, name, phase, postcode, kvkNumber, address, city, emailDomain, source, industry }) => ({
    id,
    name,
    phase,
    postcode,
    kvkNumber,
    address,
    city,
    emailDomain,
    source,
    industry,
  })),
  contacts: (await db.query.contacts.findMany()).length,
  changes: (await db.query.phaseChanges.findMany()).length,
});

const post = (path: string, token: string, body: BodyInit) =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv' }, body });

describe('importing a selection as suspects', () => {
  it('a dry run over HTTP counts new, matched and invalid rows and saves nothing; a rep may not import', async () => {
    const file = readFileSync(NL);
    const res = await post(`/import?source=${encodeURIComponent('KvK Utrecht 2026')}&dryRun=1`, manager.token, file);
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report).toMatchObject({ dryRun: true, encoding: 'windows-1252', delimiter: ';', imported: 3, matched: 0, invalid: 2 });
    expect(report.errors).toEqual([
      { line: 5, reason: 'KvK number "12-34" is not 8 digits' },
      { line: 8, reason: '"piet@@kapot" is not an e-mail address' },
    ]);
    expect(report.sample[0][0]).toBe('Café De Gouden Leeuw B.V.');
    expect(await db.query.accounts.findMany()).toEqual([]);

    const refused = await post('/import?source=x', rep.token, file);
    expect(refused.status).toBe(403);
    expect((await post('/import?source=x', 'pcrm_wrong', file)).status).toBe(401);
  });

  it('the CLI imports a Dutch Excel file (Windows-1252, ";", a quoted line break) with its address, postcode, KvK number and contact', () => {
    const out = admin(dbUrl, ['import', '--team', 'Verkoop BV', '--file', NL, '--source', 'KvK Utrecht 2026']);
    expect(out).toMatchObject({ imported: 3, matched: 0, invalid: 2 });
    return Promise.all([db.query.accounts.findMany(), db.query.contacts.findMany()]).then(([rows, people]) => {
      const leeuw = rows.find((a) => a.name === 'Café De Gouden Leeuw B.V.')!;
      expect(leeuw).toMatchObject({
        phase: 'suspect',
        address: 'Marktstraat 12',
        postcode: '3511 AB',
        city: 'Utrecht',
        country: 'Netherlands',
        kvkNumber: '01234567',
        industry: 'Horeca',
        website: 'https://www.goudenleeuw.example',
        emailDomain: 'goudenleeuw.example',
        source: 'KvK Utrecht 2026',
      });
      expect(people.filter((c) => c.accountId === leeuw.id).map((c) => [c.firstName, c.lastName])).toEqual([['Jürgen', 'Müller']]);
      expect(rows.find((a) => a.name === 'Bakkerij Zon')).toMatchObject({ address: 'Dorpsweg, (achterom) 3', postcode: '2345 CD', kvkNumber: '87654321' });
    });
  });

  it('importing the same file again changes nothing', async () => {
    const before = await snapshot();
    const out = admin(dbUrl, ['import', '--team', 'Verkoop BV', '--file', NL, '--source', 'KvK Utrecht 2026']);
    expect(out).toMatchObject({ imported: 0, matched: 3, invalid: 2 });
    expect(await snapshot()).toEqual(before);
  });

  it('an account the team has is enriched (empty fields filled), never moved back; a new list adds a person named beside the company', async () => {
    // Northwind wrote to us and is in conversation before the fair list arrives
    const actor = { teamId: manager.teamId, userId: manager.userId, role: 'manager' as const };
    const { accountId } = await transact(db, (tx) =>
      captureEmailContact(tx, actor, { email: 'sarah@northwind.example', name: "Sarah O'Neill", wroteToUs: true, sourceKey: 'test:sarah' }),
    );
    await transact(db, (tx) => applyMove(tx, actor, { accountId, to: 'conversation' }));

    const out = admin(dbUrl, ['import', '--team', 'Verkoop BV', '--file', EN, '--source', 'Fair London']);
    // Northwind by its e-mail domain; a bare name without postcode is no match key (two firms share names), so the café is new
    expect(out).toMatchObject({ matched: 1, imported: 1, invalid: 0 });
    const northwind = (await db.query.accounts.findFirst({ where: (a, { eq }) => eq(a.id, accountId) }))!;
    expect(northwind).toMatchObject({
      phase: 'conversation',
      address: '1 High Street, Suite 4',
      postcode: 'EC1A 1BB',
      city: 'London',
      industry: 'Wholesale',
      linkedinCompanyUrl: 'https://www.linkedin.com/company/northwind-ltd',
    });
    expect((await db.query.contacts.findMany()).filter((c) => c.accountId === accountId)).toHaveLength(1);
    expect(northwind.source).not.toBe('Fair London');
  });

  it('bad files get a clear error: no name column, not a CSV, too large', async () => {
    const noName = await post('/import?source=x', manager.token, 'Postcode;Plaats\n1234 AB;Ede\n');
    expect(noName.status).toBe(400);
    expect((await noName.json()).error).toMatch(/No column holds a company or contact name/);
    const unclosed = await post('/import?source=x', manager.token, 'Naam;Plaats\n"Acme;Ede\n');
    expect(unclosed.status).toBe(400);
    expect((await unclosed.json()).error).toBe('The file cannot be read as CSV near line 2 (an unclosed quote?)');
    const huge = await post('/import?source=x', manager.token, new Uint8Array(26 * 1024 * 1024));
    expect(huge.status).toBe(413);
    expect((await post('/import', manager.token, 'Naam\nA\n')).status).toBe(400);
  });
});

it('the funnel is read per selection: each list with the phases its accounts reached', async () => {
  const api = createCallerFactory(appRouter)({ db, actor: await authenticate(db, manager.token) });
  const now = Date.now();
  const { selections } = await api.reports.dashboard({ from: now - 86_400_000, to: now + 1000 });
  // the KvK list: three suspects, none further yet; the fair list added one (the other row matched Northwind)
  const kvk = selections.find((s) => s.source === 'KvK Utrecht 2026')!;
  expect(kvk.accounts).toBe(3);
  expect(kvk.reached.map((r) => r.count)).toEqual([3, 0, 0, 0, 0, 0, 0, 0]);
  expect(selections.find((s) => s.source === 'Fair London')?.accounts).toBe(1);
});

describe('export', () => {
  it('the CLI writes one file per table, CSV with a BOM and ";" for Dutch Excel, or JSON lines', () => {
    const dir = resolve(tmpDbUrl('export').slice('file:'.length), '..', 'out');
    const csv = admin(dbUrl, ['export', '--team', 'Verkoop BV', '--out', dir]) as { files: Record<string, { file: string }> };
    expect(Object.keys(csv.files).sort()).toEqual(['accounts', 'activities', 'contacts', 'opportunities', 'phase_changes']);
    const accounts = readFileSync(csv.files.accounts!.file, 'utf8');
    expect(accounts.startsWith('\uFEFFid;teamId;kind;name;')).toBe(true);
    expect(accounts).toContain('Café De Gouden Leeuw B.V.');
    expect(accounts).toContain(';Dorpsweg, (achterom) 3;');
    const lines = accounts.trim().split('\r\n');
    expect(lines).toHaveLength(1 + 5);

    const jsonl = admin(dbUrl, ['export', '--team', 'Verkoop BV', '--out', dir, '--format', 'jsonl']) as { files: Record<string, { file: string }> };
    const contacts = readFileSync(jsonl.files.contacts!.file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(contacts.find((c) => c.firstName === 'Jürgen').emails).toEqual(['jurgen@goudenleeuw.example']);
  });

  it('over HTTP for a manager, streamed, and only the own team; a rep may not', async () => {
    const other = await createUser(db, { email: 'olga@ander.example', name: 'Olga', team: 'Ander BV', role: 'admin' });
    const mine = await fetch(`${server.url}/export/accounts?format=jsonl`, { headers: { Authorization: `Bearer ${manager.token}` } });
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-disposition')).toContain('accounts.jsonl');
    const records = (await mine.text()).trim().split('\n');
    expect(records).toHaveLength(5);
    // the team's records, not the server's matching keys
    expect(Object.keys(JSON.parse(records[0]!))).toContain('name');
    expect(Object.keys(JSON.parse(records[0]!))).not.toContain('nameKey');
    const theirs = await fetch(`${server.url}/export/accounts?format=csv&delimiter=,`, { headers: { Authorization: `Bearer ${other.token}` } });
    expect(await theirs.text()).not.toContain('Leeuw');
    expect((await fetch(`${server.url}/export/accounts`, { headers: { Authorization: `Bearer ${rep.token}` } })).status).toBe(403);
    // text a spreadsheet would run as a formula goes out as text in CSV, unchanged in JSON lines
    await db.write((tx) => tx.update(accounts).set({ industry: '=HYPERLINK("https://evil.example","klik")' }).where(eq(accounts.name, 'Bakkerij Zon')));
    const csv = await (await fetch(`${server.url}/export/accounts?format=csv&delimiter=,`, { headers: { Authorization: `Bearer ${manager.token}` } })).text();
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"",""klik"")"`);
    const lines = await (await fetch(`${server.url}/export/accounts?format=jsonl`, { headers: { Authorization: `Bearer ${manager.token}` } })).text();
    expect(lines).toContain('"industry":"=HYPERLINK(\\"https://evil.example\\",\\"klik\\")"');
    expect((await fetch(`${server.url}/export/users`, { headers: { Authorization: `Bearer ${manager.token}` } })).status).toBe(404);
  });
});

it('a database file opened by a second process sees the imported suspects (nothing held in memory only)', async () => {
  const second = await openDb({ url: dbUrl });
  expect((await second.query.accounts.findMany()).filter((a) => a.source === 'KvK Utrecht 2026')).toHaveLength(3);
  second.client.close();
});
