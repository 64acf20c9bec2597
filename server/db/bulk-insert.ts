/**
 * Rows into one table inside a write transaction: many for bulk intake, and
 * one at a time on the hot path (a capture's account, contact, first phase
 * change and capture-health row).
 *
 * Measured on a 50,000-row import: drizzle's insert builder spent more time
 * turning values into SQL than libSQL spent writing them (34.5 s in all;
 * with the statement written here, 12.7 s). So the statement is written once
 * per slice from the table's own column definitions (names and driver
 * mapping, e.g. JSON columns) and run on the transaction's libSQL handle.
 * For a single row the builder was as costly: a capture's four inserts built
 * by drizzle took ~10 % of the server's time over HTTP (profiled). A column a
 * row leaves out gets the table's own default, as drizzle would give it (the
 * migrations declare the schema's defaults).
 * That handle is drizzle's internal `session.tx`: if a drizzle version no
 * longer has it, the rows go through drizzle's builder as before.
 */
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Tx } from './orm';

/** SQLite takes at most 32,766 bound values in one statement. */
const MAX_VALUES = 30_000;

type RawTx = { execute(stmt: { sql: string; args: unknown[] }): Promise<unknown> };
const rawHandle = (tx: Tx): RawTx | null => {
  const handle = (tx as unknown as { session?: { tx?: RawTx } }).session?.tx;
  return handle && typeof handle.execute === 'function' ? handle : null;
};

export async function bulkInsert<T extends SQLiteTable>(tx: Tx, table: T, rows: T['$inferInsert'][], { ignoreDuplicates = false } = {}) {
  if (!rows.length) return;
  const values = rows as Record<string, unknown>[];
  // the columns any row sets; the others keep their defaults
  const cols = Object.entries(getTableColumns(table)).filter(([key]) => values.some((r) => r[key] !== undefined));
  const slice = Math.max(1, Math.floor(MAX_VALUES / cols.length));
  const raw = rawHandle(tx);
  for (let i = 0; i < values.length; i += slice) {
    const part = values.slice(i, i + slice);
    if (!raw) {
      const q = tx.insert(table).values(part as T['$inferInsert'][]);
      await (ignoreDuplicates ? q.onConflictDoNothing() : q);
      continue;
    }
    const args: unknown[] = [];
    for (const r of part) for (const [key, col] of cols) args.push(r[key] === undefined || r[key] === null ? null : col.mapToDriverValue(r[key]));
    const row = `(${cols.map(() => '?').join(',')})`;
    await raw.execute({
      sql: `insert ${ignoreDuplicates ? 'or ignore ' : ''}into "${getTableName(table)}" (${cols.map(([, c]) => `"${c.name}"`).join(',')}) values ${part.map(() => row).join(',')}`,
      args,
    });
  }
}

/** One row: the insert for the columns it sets (cached as a prepared statement per column set, statement-cache.ts). */
export const insertRow = <T extends SQLiteTable>(tx: Tx, table: T, row: T['$inferInsert']) => bulkInsert(tx, table, [row]);
