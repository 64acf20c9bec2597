/**
 * Logging activities. The source key (Gmail message id, LinkedIn URL, form
 * id, import row) is unique per team: logging the same thing twice, by two
 * colleagues or by a replayed queue, changes nothing.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { activities } from '../db/schema';
import { evidenceForActivity, FIRST_PHASE } from '../../shared/phases';
import type { Actor } from './actor';
import { createAccount, loadAccount } from './records/accounts';
import { insertActivities, type ActivityInput } from './records/activities';
import { autoMoveRules, proposeFromEvidence } from './proposals';
import { openProposals } from './records/proposals';
import { DomainError } from './errors';
import { findAccount } from './matching';
import { checkActivityReferences } from './references';

/** Logs one activity and, if it is evidence, proposes the phase it points to. */
export async function logActivity(tx: Tx, actor: Actor, input: ActivityInput) {
  return (await logActivities(tx, actor, input.accountId, [input]))[0]!;
}

/**
 * Logs activities on one account in order (a thread's messages), each as
 * `logActivity` would: what the rules read (the account, the team's rules,
 * its open proposals, the contacts named) is read once for the batch, and
 * again only after evidence moved the account. The rows go in with one
 * insert; then each new one's evidence counts in the order given.
 */
export async function logActivities(tx: Tx, actor: Actor, accountId: string, inputs: Omit<ActivityInput, 'accountId'>[]) {
  let account = await loadAccount(tx, actor, accountId);
  if (account.archivedAt) throw new DomainError('BAD_REQUEST', 'This account is archived');
  const contacts = new Set<string>();
  for (const input of inputs) await checkActivityReferences(tx, actor, account.id, input, contacts);
  const inserted = await insertActivities(
    tx,
    actor,
    inputs.map((input) => ({ ...input, accountId: account.id })),
  );
  const rules = autoMoveRules(tx, actor);
  let open = openProposals(tx, account.id);
  const results = [];
  for (const [i, input] of inputs.entries()) {
    const { activity, created } = inserted[i]!;
    let proposal = null;
    if (created) {
      const evidence = evidenceForActivity(input.type, {
        isReply: input.isReply,
        hasOutcome: Boolean(input.data?.outcome),
        paid: input.data?.paid,
      });
      const kind = evidence === 'first_paid_invoice' ? await paidInvoiceEvidence(tx, actor, account.id, activity.occurredAt) : evidence;
      if (kind) {
        const r = await proposeFromEvidence(tx, actor, account, kind, activity.id, rules, open);
        proposal = r.proposal;
        if (r.moved) {
          account = await loadAccount(tx, actor, account.id);
          open = openProposals(tx, account.id);
        }
      }
    }
    const referredAccountId =
      created && input.type === 'referral' && input.data?.referredCompany
        ? await referredSuspect(tx, actor, account.name, input.data.referredCompany, activity.id)
        : null;
    results.push({ activityId: activity.id, created, proposal, referredAccountId });
  }
  return results;
}

const YEAR_MS = 365 * 24 * 3600 * 1000;

/** A paid invoice is a first purchase, or with two more in the last 12 months, repeat business. */
async function paidInvoiceEvidence(tx: Tx, actor: Actor, accountId: string, at: number) {
  const rows = await tx
    .select({ type: activities.type, data: activities.data, at: activities.occurredAt })
    .from(activities)
    .where(and(eq(activities.accountId, accountId), eq(activities.teamId, actor.teamId)))
    .all();
  const paid = rows.filter((r) => (r.type === 'payment' || (r.type === 'invoice' && r.data.paid)) && r.at <= at && r.at > at - YEAR_MS);
  return paid.length >= 3 ? ('third_paid_invoice_12m' as const) : ('first_paid_invoice' as const);
}

/** A referral names a company: it becomes a suspect with the ambassador as its source (or is found, if known). */
async function referredSuspect(tx: Tx, actor: Actor, ambassador: string, company: string, activityId: string) {
  const known = await findAccount(tx, actor.teamId, { name: company });
  if (known) return known.id;
  return createAccount(tx, actor, { kind: 'company', name: company.trim(), source: `Referral: ${ambassador}` }, FIRST_PHASE, {
    type: 'note',
    sourceKey: `referral:${activityId}`,
  });
}
