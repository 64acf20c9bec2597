/** Proposal rows: an account's open proposals, which evidence adds to and a move closes. */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { proposals } from '../../db/schema';
import type { PhaseId } from '../../../shared/phases';

/**
 * An account's open proposals, read when first needed and then kept: a
 * thread's replies read them once. Whoever changes them says what they are
 * now (`set`); after a move (which closes some) read them anew.
 */
export function openProposals(tx: Tx, accountId: string) {
  let open: Promise<{ id: string; to: PhaseId }[]> | undefined;
  return {
    get: () =>
      (open ??= tx
        .select({ id: proposals.id, to: proposals.to })
        .from(proposals)
        .where(and(eq(proposals.accountId, accountId), eq(proposals.status, 'open')))
        .all()),
    set: (now: { id: string; to: PhaseId }[]) => {
      open = Promise.resolve(now);
    },
  };
}
