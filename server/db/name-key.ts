/**
 * A company's name as matching compares it, stored beside the name
 * (accounts.name_key) so that finding a company by name is one index lookup,
 * whatever the team's size and however many names begin alike.
 */
import { sql } from 'drizzle-orm';
import type { Orm, Tx } from './orm';

const LEGAL_FORMS = /\b(b\.?v\.?|n\.?v\.?|v\.?o\.?f\.?|bvba|holding|ltd|limited|gmbh|inc|llc|plc|s\.?a\.?|ag)\.?$/;

/** A company name without case, punctuation or a trailing legal form: "Acme B.V." → "acme" ('' for a name of punctuation only). */
export function companyKey(name: string): string {
  let key = name.toLowerCase().replace(/[,]/g, ' ').replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 2; i++) key = key.replace(LEGAL_FORMS, '').trim();
  return key.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The columns to write with an account's name. */
export const named = (name: string) => ({ name, nameKey: companyKey(name) });

const BATCH = 2_000;

/**
 * Fills in the key of accounts written without one: by a version before the
 * column existed, or by SQL written by hand (a bulk load). Null means "not
 * computed yet" (an empty key is ''), so this ends; run when the database opens.
 */
export async function fillNameKeys(orm: Orm, write: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = await orm.all<{ id: string; name: string }>(
      sql`select id, name from accounts indexed by accounts_name_key where name_key is null limit ${BATCH}`,
    );
    if (!rows.length) return filled;
    await write(async (tx) => {
      for (const r of rows) await tx.run(sql`update accounts set name_key = ${companyKey(r.name)} where id = ${r.id}`);
    });
    filled += rows.length;
  }
}
