/** Proposed moves from evidence: created when evidence is logged, accepted in one click or dismissed. */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { proposals, teams } from '../db/schema';
import { phaseIndex, proposalFor, type AutoMoveSettings, type EvidenceKind, type PhaseId } from '../../shared/phases';
import { newId, type Actor } from './actor';
import { DomainError, notFound } from './errors';
import { applyMove } from './moves';
import { loadAccount } from './records/accounts';
import { openProposals } from './records/proposals';
import { prepared } from '../db/prepared';

/** The team's "move without asking" rules, read when first needed and then kept: a batch of evidence reads them once. */
export function autoMoveRules(tx: Tx, actor: Actor): () => Promise<AutoMoveSettings> {
  let rules: Promise<AutoMoveSettings> | undefined;
  return () =>
    (rules ??= prepared(tx, 'teams.autoMove', (d) =>
      d
        .select({ autoMove: teams.autoMove })
        .from(teams)
        .where(eq(teams.id, sql.placeholder('teamId'))),
    )
      .get({ teamId: actor.teamId })
      .then((t) => t?.autoMove ?? {}));
}

/**
 * Turns evidence into a proposal for the account, or into a move when the
 * team switched that rule to "move without asking" (`moved` names the new
 * phase). Only the furthest open proposal is kept.
 */
export async function proposeFromEvidence(
  tx: Tx,
  actor: Actor,
  account: { id: string; phase: PhaseId },
  evidence: EvidenceKind,
  activityId: string,
  rules = autoMoveRules(tx, actor),
  open = openProposals(tx, account.id),
): Promise<{ proposal: { id: string; to: PhaseId } | null; moved: PhaseId | null }> {
  const accountId = account.id;
  const to = proposalFor(evidence, account.phase);
  if (!to) return { proposal: null, moved: null };
  if ((await rules())[evidence]) {
    await applyMove(tx, actor, { accountId, to, reason: `evidence:${evidence}`, evidenceActivityId: activityId });
    return { proposal: null, moved: to };
  }
  const current = await open.get();
  if (current.some((p) => phaseIndex(p.to) >= phaseIndex(to))) return { proposal: null, moved: null };
  for (const p of current) await tx.update(proposals).set({ status: 'dismissed' }).where(eq(proposals.id, p.id));
  const id = newId();
  await tx.insert(proposals).values({ id, teamId: actor.teamId, accountId, to, evidence, evidenceActivityId: activityId });
  open.set([{ id, to }]);
  return { proposal: { id, to }, moved: null };
}

async function loadOpen(tx: Tx, actor: Actor, proposalId: string) {
  const p = await tx.query.proposals.findFirst({ where: and(eq(proposals.id, proposalId), eq(proposals.teamId, actor.teamId)) });
  if (!p) throw notFound('Proposal');
  return p;
}

export async function acceptProposal(tx: Tx, actor: Actor, input: { proposalId: string }): Promise<{ accountId: string; phase: PhaseId }> {
  const p = await loadOpen(tx, actor, input.proposalId);
  const account = await loadAccount(tx, actor, p.accountId);
  if (p.status !== 'open') {
    if (p.status === 'accepted') return { accountId: account.id, phase: account.phase };
    throw new DomainError('CONFLICT', 'This proposal was dismissed or overtaken');
  }
  await applyMove(tx, actor, { accountId: p.accountId, to: p.to, reason: `evidence:${p.evidence}`, evidenceActivityId: p.evidenceActivityId });
  await tx.update(proposals).set({ status: 'accepted' }).where(eq(proposals.id, p.id));
  return { accountId: account.id, phase: p.to };
}

export async function dismissProposal(tx: Tx, actor: Actor, input: { proposalId: string }) {
  const p = await loadOpen(tx, actor, input.proposalId);
  if (p.status === 'open') await tx.update(proposals).set({ status: 'dismissed' }).where(eq(proposals.id, p.id));
  return { accountId: p.accountId };
}
