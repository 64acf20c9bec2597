/**
 * A team's records out again: accounts, contacts, activities, phase changes
 * and opportunities, as CSV (UTF-8 with BOM, `;` for Dutch Excel or `,`) or
 * JSON lines. Read in pages by id and yielded as text, so a million
 * activities go out without being held in memory.
 */
import { and, asc, eq, getTableColumns, gt, inArray } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { stringify } from 'csv-stringify/sync';
import type { Orm } from '../../db/client';
import { accounts, activities, contactEmails, contacts, opportunities, phaseChanges } from '../../db/schema';
import type { Actor } from '../actor';
import { requireRole } from '../roles';
import { defuseFormula as defuse, type CSV_DELIMITERS, type ExportFormat, type ExportTable } from '../../../shared/intake';

const PAGE = 1000;

type Paged = SQLiteTable & { id: typeof accounts.id; teamId: typeof accounts.teamId };
const TABLES: Record<ExportTable, Paged> = {
  accounts: accounts as unknown as Paged,
  contacts: contacts as unknown as Paged,
  activities: activities as unknown as Paged,
  phase_changes: phaseChanges as unknown as Paged,
  opportunities: opportunities as unknown as Paged,
};

/** Columns kept for the server's own use (matching), not records of the team's: left out. */
const INTERNAL: Partial<Record<ExportTable, string[]>> = { accounts: ['nameKey'] };

/** Rows of one table, page by page in id order; contacts carry their e-mail addresses. */
async function* rows(db: Orm, teamId: string, table: ExportTable): AsyncGenerator<Record<string, unknown>[]> {
  const t = TABLES[table];
  let after = '';
  for (;;) {
    const page = (await db
      .select()
      .from(t)
      .where(and(eq(t.teamId, teamId), gt(t.id, after)))
      .orderBy(asc(t.id))
      .limit(PAGE)
      .all()) as Record<string, unknown>[];
    if (!page.length) return;
    for (const column of INTERNAL[table] ?? []) for (const r of page) delete r[column];
    if (table === 'contacts') {
      const ids = page.map((c) => c.id as string);
      const emails = await db.select().from(contactEmails).where(inArray(contactEmails.contactId, ids)).all();
      for (const c of page) c.emails = emails.filter((e) => e.contactId === c.id).map((e) => e.email);
    }
    yield page;
    after = page.at(-1)!.id as string;
  }
}

/** Flat text for a CSV cell: times as ISO dates, lists and objects as JSON. */
const cell = (key: string, v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' && /(At|Since|Due|^at)$/.test(key) && v > 1e11) return new Date(v).toISOString();
  if (typeof v === 'object') return defuse(Array.isArray(v) && v.every((x) => typeof x === 'string') ? v.join(', ') : JSON.stringify(v));
  return typeof v === 'string' ? defuse(v) : String(v);
};

export interface ExportOptions {
  format: ExportFormat;
  /** for CSV: `;` opens in Dutch Excel, `,` elsewhere */
  delimiter?: (typeof CSV_DELIMITERS)[number];
}

/** The table as text chunks, ready to write to a file or a response. */
export async function* exportTable(db: Orm, actor: Actor, table: ExportTable, opts: ExportOptions): AsyncGenerator<string> {
  requireRole(actor, 'manager', 'export the team’s data');
  let columns: string[] | null = null;
  for await (const page of rows(db, actor.teamId, table)) {
    if (opts.format === 'jsonl') {
      yield `${page.map((r) => JSON.stringify(r)).join('\n')}\n`;
      continue;
    }
    if (!columns) {
      columns = Object.keys(page[0]!);
      yield `\uFEFF${stringify([columns], { delimiter: opts.delimiter ?? ';', record_delimiter: 'windows' })}`;
    }
    yield stringify(
      page.map((r) => columns!.map((k) => cell(k, r[k]))),
      { delimiter: opts.delimiter ?? ';', record_delimiter: 'windows' },
    );
  }
  if (opts.format === 'csv' && !columns) yield `\uFEFF${stringify([emptyHeader(table)], { delimiter: opts.delimiter ?? ';', record_delimiter: 'windows' })}`;
}

/** An empty table still gets its header, so a spreadsheet opens with the columns named. */
function emptyHeader(table: ExportTable): string[] {
  const cols = Object.keys(getTableColumns(TABLES[table]));
  return table === 'contacts' ? [...cols, 'emails'] : cols;
}

export const exportFileName = (table: ExportTable, format: ExportFormat) => `${table}.${format}`;
