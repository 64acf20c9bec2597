/**
 * The count of open checklist items kept on each account (`checklist_gaps`),
 * for the reports' completeness figure: recounted once per account at the end
 * of every transaction that changed something a checklist reads.
 */
import { eq, isNull, sql } from 'drizzle-orm';
import { prepared } from '../../db/prepared';
import type { Db, Tx } from '../../db/client';
import { accounts } from '../../db/schema';
import { checklistGaps, checklistSubject } from '../checklist';

/** Recounts the open checklist items of the account's current phase. */
export async function refreshGaps(tx: Tx, accountId: string) {
  const account = await prepared(tx, 'checklist.account', (d) =>
    d
      .select()
      .from(accounts)
      .where(eq(accounts.id, sql.placeholder('accountId'))),
  ).get({ accountId });
  if (!account) return;
  const subject = await checklistSubject(tx, accountId);
  const gaps = checklistGaps(account.phase, { account, ...subject }).length;
  if (gaps !== account.checklistGaps)
    await prepared(tx, 'checklist.gaps', (d) =>
      d
        .update(accounts)
        .set({ checklistGaps: sql`${sql.placeholder('gaps')}` })
        .where(eq(accounts.id, sql.placeholder('accountId'))),
    ).run({ gaps, accountId });
}

/** Accounts from before checklist gaps were kept (migration 0002) get theirs counted once, in batches. */
export async function backfillChecklistGaps(db: Db, batch = 500) {
  for (;;) {
    const ids = await db.select({ id: accounts.id }).from(accounts).where(isNull(accounts.checklistGaps)).limit(batch).all();
    if (!ids.length) return;
    await db.write(async (tx) => {
      for (const { id } of ids) await refreshGaps(tx, id);
    });
  }
}
