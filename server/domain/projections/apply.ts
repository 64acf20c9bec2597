/**
 * Applies what a transaction changed to the reporting tables, once, at its
 * end (`server/db/changes.ts`). Phase reaches and stays follow in the order
 * the moves were made; activity counts are summed per day and type; each
 * touched account's checklist is recounted once, after everything else.
 */
import type { Tx } from '../../db/client';
import { bulkInsert } from '../../db/bulk-insert';
import { phaseReaches } from '../../db/schema';
import { takeChanges, type Change } from '../../db/changes';
import { countActivities, forgetMove, reachRows, recordReaches, recordStay } from './derived';
import { refreshGaps } from './checklist-gaps';

export async function applyChanges(tx: Tx) {
  // a projection writes no records, so one round normally empties the list; the loop is for safety
  for (let changes = takeChanges(tx); changes.length; changes = takeChanges(tx)) {
    const added: Extract<Change, { kind: 'activity' }>[] = [];
    const removed: Extract<Change, { kind: 'activity-removed' }>[] = [];
    const recount = new Set<string>();
    // new accounts' reaches in one insert; a move after them waits until they are written
    let created: (typeof phaseReaches.$inferInsert)[] = [];
    const writeCreated = async () => {
      await bulkInsert(tx, phaseReaches, created);
      created = [];
    };
    for (const c of changes) {
      if (c.kind === 'created') created.push(...reachRows(c));
      else if (c.kind === 'reached') await writeCreated().then(() => recordReaches(tx, c));
      else if (c.kind === 'stay-ended') await recordStay(tx, c);
      else if (c.kind === 'move-undone') await writeCreated().then(() => forgetMove(tx, c));
      else if (c.kind === 'activity') added.push(c);
      else if (c.kind === 'activity-removed') removed.push(c);
      else recount.add(c.accountId);
    }
    await writeCreated();
    if (added.length || removed.length) await countActivities(tx, added, removed);
    for (const accountId of recount) await refreshGaps(tx, accountId);
  }
}
