/**
 * Further sales to a customer (upsell, cross-sell, renewal) run as
 * opportunities through conversation → negotiation → closing → won/lost,
 * while the account itself stays in relationship management or ambassador.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { opportunities } from '../db/schema';
import { OPPORTUNITY_STAGES, type OpportunityStage, isCustomer } from '../../shared/phases';
import { newId, type Actor } from './actor';
import { DomainError, notFound } from './errors';
import { loadAccount } from './records/accounts';

export { OPPORTUNITY_STAGES, type OpportunityStage };

export async function createOpportunity(
  tx: Tx,
  actor: Actor,
  input: { accountId: string; kind: 'new' | 'upsell' | 'cross_sell'; title: string; amount?: number; currency?: string },
) {
  const account = await loadAccount(tx, actor, input.accountId);
  if (!isCustomer(account.phase)) {
    throw new DomainError('BAD_REQUEST', 'New business runs through the account’s own phases; opportunities start once it is a customer');
  }
  const id = newId();
  await tx.insert(opportunities).values({
    id,
    teamId: actor.teamId,
    accountId: account.id,
    kind: input.kind,
    title: input.title,
    amount: input.amount ?? null,
    currency: input.currency ?? 'EUR',
  });
  return { opportunityId: id, accountId: account.id };
}

async function loadOpen(tx: Tx, actor: Actor, id: string) {
  const o = await tx.query.opportunities.findFirst({ where: and(eq(opportunities.id, id), eq(opportunities.teamId, actor.teamId)) });
  if (!o) throw notFound('Opportunity');
  if (o.outcome !== 'open') throw new DomainError('BAD_REQUEST', `This opportunity is already ${o.outcome}`);
  return o;
}

export async function advanceOpportunity(tx: Tx, actor: Actor, input: { opportunityId: string; stage: OpportunityStage; amount?: number }) {
  const o = await loadOpen(tx, actor, input.opportunityId);
  await tx
    .update(opportunities)
    .set({ stage: input.stage, ...(input.amount !== undefined ? { amount: input.amount } : {}) })
    .where(eq(opportunities.id, o.id));
  return { opportunityId: o.id, accountId: o.accountId };
}

export async function closeOpportunity(tx: Tx, actor: Actor, input: { opportunityId: string; outcome: 'won' | 'lost'; lostReason?: string }) {
  const o = await loadOpen(tx, actor, input.opportunityId);
  if (input.outcome === 'lost' && !input.lostReason) throw new DomainError('BAD_REQUEST', 'A lost opportunity needs a reason');
  await tx
    .update(opportunities)
    .set({ outcome: input.outcome, lostReason: input.lostReason ?? null })
    .where(eq(opportunities.id, o.id));
  return { opportunityId: o.id, accountId: o.accountId };
}
