/**
 * For the tests of tables kept on write (triggers) against a recount by their
 * definition: rows in one order whatever the query's, tallies of keys, and a
 * migration's backfill run again on data written before it.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Orm } from '../../server/db/client';

/** Rows as arrays, sorted by their JSON text: two row sets compare equal whatever order they came in. */
export const sortedRows = (rows: unknown[][]) => rows.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

/** How often each key occurs, as sorted rows of the key's parts and then the count. */
export function tally(keys: unknown[][]): unknown[][] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(JSON.stringify(key), (counts.get(JSON.stringify(key)) ?? 0) + 1);
  return sortedRows([...counts].map(([k, n]) => [...(JSON.parse(k) as unknown[]), n]));
}

/** The statements of a committed migration that fill `table` from the rows written before it (not its triggers). */
export const backfillOf = (migration: string, table: string) =>
  readFileSync(`server/db/migrations/${migration}.sql`, 'utf8')
    .split('--> statement-breakpoint')
    .filter((st) => new RegExp(`^\\s*(-- .*\\n)*\\s*INSERT INTO \`${table}\``).test(st));

/** Empties `table` and fills it again with these backfill statements. */
export async function refill(db: Orm, table: string, statements: string[]) {
  await db.run(sql.raw(`delete from \`${table}\``));
  for (const st of statements) await db.run(sql.raw(st));
}
