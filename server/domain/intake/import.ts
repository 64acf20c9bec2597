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
import { and, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { accounts, contactEmails, contacts, users } from '../../db/schema';
import { FIRST_PHASE } from '../../../shared/phases';
import { guessMapping, type ImportMapping } from '../../../shared/import-columns';
import { newId, type Actor } from '../actor';
import { recordCreation } from '../moves';
import { refreshGaps } from '../checklist';
import { companyKey, findContact } from '../matching';
import { DomainError } from '../errors';
import { LockTimeout } from '../../db/lock-wait';
import { readCsv } from './read-csv';
import { isInvalid, toImportRow, type ImportRow, type InvalidRow } from './rows';

export const IMPORT_BATCH = 500;
const MAX_REPORTED_INVALID = 200;
const PREVIEW_ROWS = 5;

export interface ImportOptions {
  source: string;
  /** the rep who owns the new accounts; none leaves them unassigned */
  ownerEmail?: string;
  mapping?: ImportMapping;
  dryRun?: boolean;
}

export interface ImportReport {
  dryRun: boolean;
  source: string;
  encoding: string;
  delimiter: string;
  headers: string[];
  mapping: ImportMapping;
  rows: number;
  /** new accounts */
  imported: number;
  /** rows that found an account the team already has (in the database or earlier in this file) */
  matched: number;
  /** of the matched, those that got an empty field filled or a contact added */
  enriched: number;
  invalid: number;
  contactsAdded: number;
  /** the first bad rows, by line number */
  errors: InvalidRow[];
  preview: ImportRow[];
  /** the first rows as they are in the file, to check the column mapping against */
  sample: string[][];
}

type Match = { id: string } | undefined;

/** The account a row describes, if the team has it: the strongest key first. */
async function findMatch(tx: Tx | Db, teamId: string, r: ImportRow): Promise<typeof accounts.$inferSelect | undefined> {
  const live = and(eq(accounts.teamId, teamId), isNull(accounts.archivedAt));
  if (r.kvk) {
    const hit = await tx.select().from(accounts).where(and(live, eq(accounts.kvkNumber, r.kvk))).get();
    if (hit) return hit;
  }
  if (r.domain) {
    const hit = await tx.select().from(accounts).where(and(live, eq(accounts.emailDomain, r.domain))).get();
    if (hit) return hit;
  }
  if (r.linkedinCompanyUrl) {
    const hit = await tx.select().from(accounts).where(and(live, eq(accounts.linkedinCompanyUrl, r.linkedinCompanyUrl))).get();
    if (hit) return hit;
  }
  if (r.contact?.linkedinUrl || r.contact?.email) {
    const person = await findContact(tx, teamId, { linkedinUrl: r.contact.linkedinUrl ?? undefined, email: r.contact.email ?? undefined });
    if (person) return tx.select().from(accounts).where(and(live, eq(accounts.id, person.accountId))).get();
  }
  if (r.postcode) {
    const key = companyKey(r.name);
    const near = await tx.select().from(accounts).where(and(live, eq(accounts.postcode, r.postcode))).limit(200).all();
    return near.find((a) => companyKey(a.name) === key);
  }
  return undefined;
}

/** Keys of rows seen earlier in this file: a dry run has not written them, and a file may repeat a company. */
function fileKeys() {
  const seen = new Map<string, string>();
  const keys = (r: ImportRow) =>
    [r.kvk && `kvk:${r.kvk}`, r.domain && `d:${r.domain}`, r.linkedinCompanyUrl && `li:${r.linkedinCompanyUrl}`, r.contact?.linkedinUrl && `p:${r.contact.linkedinUrl}`, r.contact?.email && `e:${r.contact.email}`, r.postcode && `np:${companyKey(r.name)}|${r.postcode}`].filter(
      (k): k is string => Boolean(k),
    );
  return {
    find: (r: ImportRow): Match => {
      for (const k of keys(r)) {
        const id = seen.get(k);
        if (id) return { id };
      }
      return undefined;
    },
    add: (r: ImportRow, id: string) => keys(r).forEach((k) => seen.set(k, id)),
  };
}

const FILLABLE = ['address', 'postcode', 'city', 'country', 'industry', 'website', 'phone', 'linkedinCompanyUrl'] as const;

/** Empty fields of a matched account, filled from the row; nothing else changes. */
function fillIn(a: typeof accounts.$inferSelect, r: ImportRow): Partial<typeof accounts.$inferInsert> {
  const patch: Partial<typeof accounts.$inferInsert> = {};
  for (const f of FILLABLE) if (!a[f] && r[f]) patch[f] = r[f];
  if (!a.kvkNumber && r.kvk) patch.kvkNumber = r.kvk;
  if (!a.emailDomain && r.domain) patch.emailDomain = r.domain;
  return patch;
}

async function addContactIfNew(tx: Tx, teamId: string, accountId: string, r: ImportRow): Promise<boolean> {
  const c = r.contact;
  if (!c) return false;
  if ((c.email || c.linkedinUrl) && (await findContact(tx, teamId, { email: c.email ?? undefined, linkedinUrl: c.linkedinUrl ?? undefined }))) return false;
  const same = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.accountId, accountId), eq(contacts.firstName, c.firstName), eq(contacts.lastName, c.lastName)))
    .get();
  if (same) return false;
  const id = newId();
  await tx.insert(contacts).values({ id, teamId, accountId, firstName: c.firstName, lastName: c.lastName, phone: c.phone, linkedinUrl: c.linkedinUrl });
  if (c.email) await tx.insert(contactEmails).values({ teamId, email: c.email, contactId: id }).onConflictDoNothing();
  return true;
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
  const admin = (await db.query.users.findFirst({ where: and(eq(users.teamId, actor.teamId), eq(users.role, 'admin')) })) ?? (await db.query.users.findFirst({ where: eq(users.teamId, actor.teamId) }));
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
  const seen = fileKeys();
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

  const one = async (tx: Tx | Db, r: ImportRow) => {
    const inFile = seen.find(r);
    const existing = inFile ? undefined : await findMatch(tx, actor.teamId, r);
    if (inFile || existing) {
      report.matched++;
      if (opts.dryRun || !existing) {
        if (inFile && !opts.dryRun) await enrich(tx as Tx, inFile.id, r);
        return;
      }
      await enrich(tx as Tx, existing.id, r, existing);
      seen.add(r, existing.id);
      return;
    }
    report.imported++;
    const id = newId();
    seen.add(r, id);
    if (opts.dryRun) return;
    const w = tx as Tx;
    const at = Date.now();
    await w.insert(accounts).values({
      id,
      teamId: actor.teamId,
      kind: r.kind,
      name: r.name,
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
    });
    await recordCreation(w, { ...actor, userId: byUserId }, id, FIRST_PHASE, at);
    if (await addContactIfNew(w, actor.teamId, id, r)) report.contactsAdded++;
    await refreshGaps(w, id);
  };

  const enrich = async (tx: Tx, id: string, r: ImportRow, known?: typeof accounts.$inferSelect) => {
    const a = known ?? (await tx.select().from(accounts).where(eq(accounts.id, id)).get());
    if (!a) return;
    const patch = fillIn(a, r);
    const filled = Object.keys(patch).length > 0;
    if (filled) await tx.update(accounts).set(patch).where(eq(accounts.id, id));
    const added = await addContactIfNew(tx, actor.teamId, id, r);
    if (added) report.contactsAdded++;
    if (filled || added) {
      report.enriched++;
      await refreshGaps(tx, id);
    }
  };

  if (opts.dryRun) {
    for (const r of valid) await one(db, r);
    return report;
  }
  for (let i = 0; i < valid.length; i += IMPORT_BATCH) {
    const batch = valid.slice(i, i + IMPORT_BATCH);
    const before = { imported: report.imported, matched: report.matched, enriched: report.enriched, contactsAdded: report.contactsAdded };
    try {
      await db.write(async (tx) => {
        for (const r of batch) await one(tx, r);
      });
    } catch (e) {
      // the batch was rolled back whole: say what did land, and how to go on
      Object.assign(report, before);
      const done = `${report.imported} imported and ${report.matched} matched before it stopped`;
      if (e instanceof DomainError) throw new DomainError(e.code, `${e.message} (${done}; import the same file again to continue)`);
      if (e instanceof LockTimeout) throw Object.assign(e, { message: `${e.message} ${done}; import the same file again to continue.` });
      throw Object.assign(new Error(`The import stopped at line ${batch[0]!.line}: ${done}. Import the same file again to continue.`), { cause: e });
    }
  }
  return report;
}
