/**
 * Importing a selection (a KvK list, a trade-fair list, a spreadsheet) as
 * suspects. Each row becomes an account in the first phase with its source,
 * or enriches the account the team already has: matched on KvK number, then
 * website or e-mail domain, then LinkedIn URL, then name + postcode. A
 * matched account only gets empty fields filled and never changes phase, so
 * importing the same file twice changes nothing the second time.
 *
 * Rows are written in batches, each in one transaction (a row is never half
 * applied); other writers get the lock between batches. A run that stops
 * part-way is resumed by importing the same file again: what landed matches.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { bulkInsert } from '../../db/bulk-insert';
import type { Db, Tx } from '../../db/client';
import { accounts, contactEmails, contacts, phaseChanges, users } from '../../db/schema';
import { FIRST_PHASE } from '../../../shared/phases';
import { guessMapping, type ImportMapping, type ImportReport } from '../../../shared/intake';
import { newId, type Actor } from '../actor';
import { creationRows } from '../records/accounts';
import { noteChange } from '../../db/changes';
import { checklistGaps as checklistGapsOf } from '../checklist';
import { transact } from '../transact';
import { findContact } from '../matching';
import { companyKey, named } from '../../db/name-key';
import { DomainError } from '../errors';
import { LockTimeout } from '../../db/lock-wait';
import { readCsv } from './read-csv';
import { isInvalid, toImportRow, type ImportRow } from './rows';

export const IMPORT_BATCH = 2000;
const MAX_REPORTED_INVALID = 200;
const PREVIEW_ROWS = 5;

type Counts = { imported: number; matched: number; enriched: number; contactsAdded: number };

export interface ImportOptions {
  source: string;
  /** the rep who owns the new accounts; none leaves them unassigned */
  ownerEmail?: string;
  mapping?: ImportMapping;
  dryRun?: boolean;
}

type AccountRow = typeof accounts.$inferSelect;

/**
 * The keys a row can be matched on, strongest first: KvK number, domain,
 * LinkedIn company page, a contact's profile or e-mail, then company name
 * (without legal form) + postcode. The file's earlier rows and the team's
 * accounts are looked up by the same keys.
 */
const matchKeys = (r: ImportRow) =>
  [
    r.kvk && `kvk:${r.kvk}`,
    r.domain && `d:${r.domain}`,
    r.linkedinCompanyUrl && `li:${r.linkedinCompanyUrl}`,
    r.contact?.linkedinUrl && `p:${r.contact.linkedinUrl}`,
    r.contact?.email && `e:${r.contact.email}`,
    r.postcode && `np:${companyKey(r.name)}|${r.postcode}`,
  ].filter((k): k is string => Boolean(k));

/**
 * The team's accounts behind one batch's keys, with one query per kind of key
 * instead of several per row.
 */
async function knownFor(q: Tx | Db, teamId: string, batch: ImportRow[]): Promise<Map<string, string>> {
  const known = new Map<string, string>();
  const live = and(eq(accounts.teamId, teamId), isNull(accounts.archivedAt));
  const values = (pick: (r: ImportRow) => string | null | undefined) => [...new Set(batch.map(pick).filter((v): v is string => Boolean(v)))];
  const byColumn = async (
    prefix: string,
    column: typeof accounts.kvkNumber | typeof accounts.emailDomain | typeof accounts.linkedinCompanyUrl,
    keys: string[],
  ) => {
    if (!keys.length) return;
    for (const a of await q
      .select({ id: accounts.id, key: column })
      .from(accounts)
      .where(and(live, inArray(column, keys)))
      .all())
      known.set(`${prefix}:${a.key}`, a.id);
  };
  const emails = values((r) => r.contact?.email);
  const people = values((r) => r.contact?.linkedinUrl);
  const postcodes = values((r) => r.postcode);
  await Promise.all([
    byColumn(
      'kvk',
      accounts.kvkNumber,
      values((r) => r.kvk),
    ),
    byColumn(
      'd',
      accounts.emailDomain,
      values((r) => r.domain),
    ),
    byColumn(
      'li',
      accounts.linkedinCompanyUrl,
      values((r) => r.linkedinCompanyUrl),
    ),
    emails.length &&
      q
        .select({ email: contactEmails.email, accountId: contacts.accountId })
        .from(contactEmails)
        .innerJoin(contacts, eq(contacts.id, contactEmails.contactId))
        .innerJoin(accounts, eq(accounts.id, contacts.accountId))
        .where(and(eq(contactEmails.teamId, teamId), inArray(contactEmails.email, emails), isNull(accounts.archivedAt)))
        .all()
        .then((rows) => {
          for (const r of rows) known.set(`e:${r.email}`, r.accountId);
        }),
    people.length &&
      q
        .select({ url: contacts.linkedinUrl, accountId: contacts.accountId })
        .from(contacts)
        .innerJoin(accounts, eq(accounts.id, contacts.accountId))
        .where(and(eq(contacts.teamId, teamId), inArray(contacts.linkedinUrl, people), isNull(accounts.archivedAt)))
        .all()
        .then((rows) => {
          for (const r of rows) known.set(`p:${r.url}`, r.accountId);
        }),
    postcodes.length &&
      q
        .select({ id: accounts.id, name: accounts.name, postcode: accounts.postcode })
        .from(accounts)
        .where(and(live, inArray(accounts.postcode, postcodes)))
        .all()
        .then((rows) => {
          for (const a of rows) if (!known.has(`np:${companyKey(a.name)}|${a.postcode}`)) known.set(`np:${companyKey(a.name)}|${a.postcode}`, a.id);
        }),
  ]);
  return known;
}

const FILLABLE = ['address', 'postcode', 'city', 'country', 'industry', 'website', 'phone', 'linkedinCompanyUrl'] as const;

/** Empty fields of a matched account, filled from the row; nothing else changes. */
function fillIn(a: AccountRow, r: ImportRow): Partial<typeof accounts.$inferInsert> {
  const patch: Partial<typeof accounts.$inferInsert> = {};
  for (const f of FILLABLE) if (!a[f] && r[f]) patch[f] = r[f];
  if (!a.kvkNumber && r.kvk) patch.kvkNumber = r.kvk;
  if (!a.emailDomain && r.domain) patch.emailDomain = r.domain;
  return patch;
}

/** A person named in the row who is not yet a contact of the account (by e-mail, profile or the same name). */
async function isNewContact(tx: Tx, teamId: string, accountId: string, r: ImportRow): Promise<boolean> {
  const c = r.contact;
  if (!c) return false;
  if ((c.email || c.linkedinUrl) && (await findContact(tx, teamId, { email: c.email ?? undefined, linkedinUrl: c.linkedinUrl ?? undefined }))) return false;
  const same = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.accountId, accountId), eq(contacts.firstName, c.firstName), eq(contacts.lastName, c.lastName)))
    .get();
  return !same;
}

function contactRows(teamId: string, accountId: string, r: ImportRow) {
  const c = r.contact!;
  const id = newId();
  return {
    contact: { id, teamId, accountId, firstName: c.firstName, lastName: c.lastName, phone: c.phone, linkedinUrl: c.linkedinUrl },
    email: c.email ? { teamId, email: c.email, contactId: id } : null,
  };
}

async function resolveOwner(db: Db, teamId: string, ownerEmail: string | undefined) {
  if (!ownerEmail) return null;
  const owner = await db.query.users.findFirst({ where: and(eq(users.teamId, teamId), eq(users.email, ownerEmail.trim().toLowerCase())) });
  if (!owner) throw new DomainError('BAD_REQUEST', `No user ${ownerEmail} in this team`);
  return owner.id;
}

/** Who the phase changes are recorded by: the acting user, or (from the CLI) the owner or the team's first admin. */
async function recorder(db: Db, actor: Actor, ownerId: string | null) {
  if (actor.userId) return actor.userId;
  if (ownerId) return ownerId;
  const admin =
    (await db.query.users.findFirst({ where: and(eq(users.teamId, actor.teamId), eq(users.role, 'admin')) })) ??
    (await db.query.users.findFirst({ where: eq(users.teamId, actor.teamId) }));
  if (!admin) throw new DomainError('BAD_REQUEST', 'The team has no users yet; create one first');
  return admin.id;
}

export async function importSelection(db: Db, actor: Actor, bytes: Uint8Array, opts: ImportOptions): Promise<ImportReport> {
  const source = opts.source.trim();
  if (!source || source.length > 200) throw new DomainError('BAD_REQUEST', 'Name the selection (1 to 200 characters), e.g. "KvK Utrecht ICT 2026"');
  const file = readCsv(bytes);
  const mapping = opts.mapping ?? guessMapping(file.headers);
  for (const [field, i] of Object.entries(mapping)) {
    if (!Number.isInteger(i) || i! < 0 || i! >= file.headers.length) throw new DomainError('BAD_REQUEST', `Column ${i} for ${field} is not in the file`);
  }
  if (mapping.name === undefined && mapping.contactName === undefined) {
    throw new DomainError('BAD_REQUEST', `No column holds a company or contact name (columns: ${file.headers.join(', ')})`);
  }
  const ownerId = await resolveOwner(db, actor.teamId, opts.ownerEmail);
  const byUserId = opts.dryRun ? '' : await recorder(db, actor, ownerId);
  const report: ImportReport = {
    dryRun: Boolean(opts.dryRun),
    source,
    encoding: file.encoding,
    delimiter: file.delimiter,
    headers: file.headers,
    mapping,
    rows: file.rows.length,
    imported: 0,
    matched: 0,
    enriched: 0,
    invalid: 0,
    contactsAdded: 0,
    errors: [],
    preview: [],
    sample: file.rows.slice(0, PREVIEW_ROWS).map((r) => r.cells),
  };
  /** match key → account, for the rows of this file so far */
  const seen = new Map<string, string>();
  const valid: ImportRow[] = [];
  for (const raw of file.rows) {
    const row = toImportRow(raw, mapping);
    if (isInvalid(row)) {
      report.invalid++;
      if (report.errors.length < MAX_REPORTED_INVALID) report.errors.push(row);
    } else {
      valid.push(row);
      if (report.preview.length < PREVIEW_ROWS) report.preview.push(row);
    }
  }

  /** One batch: matched rows enrich what exists, new rows are written together. Counts go to `c`. */
  const runBatch = async (q: Tx | Db, batch: ImportRow[], write: boolean, c: Counts) => {
    const known = await knownFor(q, actor.teamId, batch);
    const at = Date.now();
    const news: (typeof accounts.$inferInsert)[] = [];
    const people: (typeof contacts.$inferInsert)[] = [];
    const emails: (typeof contactEmails.$inferInsert)[] = [];
    const changes: (typeof phaseChanges.$inferInsert)[] = [];
    const toEnrich: { id: string; r: ImportRow; knownContact: boolean }[] = [];
    for (const r of batch) {
      const keys = matchKeys(r);
      // per key, this file's earlier rows (a dry run has not written them) before the team's accounts
      const id = keys.map((k) => seen.get(k) ?? known.get(k)).find(Boolean);
      if (id) {
        c.matched++;
        for (const k of keys) seen.set(k, id);
        const knownContact = keys.some((k) => (k.startsWith('e:') || k.startsWith('p:')) && known.has(k));
        toEnrich.push({ id, r, knownContact });
        continue;
      }
      c.imported++;
      const accountId = newId();
      for (const k of keys) seen.set(k, accountId);
      if (!write) continue;
      const person = r.contact ? contactRows(actor.teamId, accountId, r) : null;
      if (person) {
        people.push(person.contact);
        if (person.email) emails.push(person.email);
        c.contactsAdded++;
      }
      const values = {
        id: accountId,
        teamId: actor.teamId,
        kind: r.kind,
        ...named(r.name),
        address: r.address,
        postcode: r.postcode,
        city: r.city,
        country: r.country,
        kvkNumber: r.kvk,
        industry: r.industry,
        website: r.website,
        emailDomain: r.domain,
        phone: r.phone,
        linkedinCompanyUrl: r.linkedinCompanyUrl,
        source,
        ownerId,
        phase: FIRST_PHASE,
        phaseSince: at,
        createdAt: at,
        facts: {},
      };
      // the checklist count kept on the account, from the same rules as every other write (checklist.ts)
      const checklistGaps = checklistGapsOf(FIRST_PHASE, {
        account: values,
        contacts: person ? [{ emails: person.email ? [person.email.email] : [], phone: person.contact.phone ?? null, role: 'unknown' }] : [],
        activityTypes: new Set(),
      }).length;
      news.push({ ...values, checklistGaps });
      const rows = creationRows({ ...actor, userId: byUserId }, { accountId, ownerId }, FIRST_PHASE, at);
      changes.push(rows.change);
      noteChange(q, { kind: 'created', teamId: actor.teamId, accountId, ownerId, phases: rows.reaches, at });
    }
    if (!write) return;
    const tx = q as Tx;
    await bulkInsert(tx, accounts, news);
    await bulkInsert(tx, contacts, people);
    await bulkInsert(tx, contactEmails, emails, { ignoreDuplicates: true });
    await bulkInsert(tx, phaseChanges, changes);
    // matched accounts: only empty fields are filled and missing people added; a row that brings nothing writes nothing
    const current = new Map(
      (toEnrich.length
        ? await tx
            .select()
            .from(accounts)
            .where(inArray(accounts.id, [...new Set(toEnrich.map((e) => e.id))]))
            .all()
        : []
      ).map((a) => [a.id, a]),
    );
    for (const { id, r, knownContact } of toEnrich) {
      const a = current.get(id);
      if (!a) continue;
      const patch = fillIn(a, r);
      const filled = Object.keys(patch).length > 0;
      if (filled) {
        await tx.update(accounts).set(patch).where(eq(accounts.id, id));
        current.set(id, { ...a, ...patch });
      }
      const added = r.contact && !knownContact && (await isNewContact(tx, actor.teamId, id, r));
      if (added) {
        const person = contactRows(actor.teamId, id, r);
        await tx.insert(contacts).values(person.contact);
        if (person.email) await tx.insert(contactEmails).values(person.email).onConflictDoNothing();
        c.contactsAdded++;
      }
      if (filled || added) {
        c.enriched++;
        noteChange(tx, { kind: 'checklist', accountId: id });
      }
    }
  };

  for (let i = 0; i < valid.length; i += IMPORT_BATCH) {
    const batch = valid.slice(i, i + IMPORT_BATCH);
    const c: Counts = { imported: 0, matched: 0, enriched: 0, contactsAdded: 0 };
    try {
      if (opts.dryRun) await runBatch(db, batch, false, c);
      else await transact(db, (tx) => runBatch(tx, batch, true, c));
    } catch (e) {
      // the batch was rolled back whole: say what did land, and how to go on
      const done = `${report.imported} imported and ${report.matched} matched before it stopped`;
      if (e instanceof DomainError) throw new DomainError(e.code, `${e.message} (${done}; import the same file again to continue)`);
      if (e instanceof LockTimeout) throw Object.assign(e, { message: `${e.message} ${done}; import the same file again to continue.` });
      throw Object.assign(new Error(`The import stopped at line ${batch[0]!.line}: ${done}. Import the same file again to continue.`), { cause: e });
    }
    // counted once the batch is in
    report.imported += c.imported;
    report.matched += c.matched;
    report.enriched += c.enriched;
    report.contactsAdded += c.contactsAdded;
  }
  return report;
}
