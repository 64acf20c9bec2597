import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/server';
import { jan } from '../helpers/data';
import { dashboard } from '../../server/domain/reports';

async function suspect() {
  const t = await testDb();
  const rep = await t.user('pieter@verkoop.example');
  const { accountId } = await rep.api.capture.linkedInPerson({ person: jan });
  return { ...t, rep, accountId };
}

describe('moving an account between phases', () => {
  it('moves forward, skipping phases, records them as skipped and returns the new checklist gaps', async () => {
    const { rep, accountId } = await suspect();
    const r = await rep.api.accounts.move({ accountId, to: 'conversation' });
    expect(r).toMatchObject({ from: 'suspect', to: 'conversation', skipped: ['prospect'] });
    const account = await rep.api.accounts.get({ id: accountId });
    expect(account.phase).toBe('conversation');
    expect(account.phaseChanges.at(-1)).toMatchObject({ from: 'suspect', to: 'conversation', skipped: ['prospect'] });
    expect(account.gaps.map((g) => g.key)).toEqual(['need', 'budget', 'timing', 'competition', 'decisionRoles']);
  });

  it('fills gaps in place: facts and contact roles close them', async () => {
    const { rep, accountId } = await suspect();
    await rep.api.accounts.move({ accountId, to: 'conversation' });
    const account = await rep.api.accounts.get({ id: accountId });
    await rep.api.accounts.update({ accountId, patch: { facts: { need: 'Bouwmaterialen Q2', budget: 'EUR 40.000' } } });
    await rep.api.accounts.setContactRole({ contactId: account.contacts[0]!.id, role: 'decision_maker' });
    expect((await rep.api.accounts.get({ id: accountId })).gaps.map((g) => g.key)).toEqual(['timing', 'competition']);
  });

  it('a move back needs a reason that fits it, and is recorded as an event', async () => {
    const { rep, accountId } = await suspect();
    await rep.api.accounts.move({ accountId, to: 'negotiation' });
    await expect(rep.api.accounts.move({ accountId, to: 'conversation' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'A move back needs a reason',
    });
    await expect(rep.api.accounts.move({ accountId, to: 'conversation', reason: 'churned' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await rep.api.accounts.move({ accountId, to: 'conversation', reason: 'lost_competitor', note: 'Went with Bouwmij' });
    const account = await rep.api.accounts.get({ id: accountId });
    expect(account.phaseChanges.map((c) => [c.from, c.to, c.reason])).toEqual([
      [null, 'suspect', null],
      ['suspect', 'negotiation', null],
      ['negotiation', 'conversation', 'lost_competitor'],
    ]);
  });

  it('churn takes a customer back to prospect', async () => {
    const { rep, accountId } = await suspect();
    await rep.api.accounts.move({ accountId, to: 'customer' });
    await rep.api.accounts.move({ accountId, to: 'prospect', reason: 'churned' });
    expect((await rep.api.accounts.get({ id: accountId })).phase).toBe('prospect');
  });

  it('refuses a move to the current phase, and moves of an archived account; archive keeps the history', async () => {
    const { rep, accountId } = await suspect();
    await expect(rep.api.accounts.move({ accountId, to: 'suspect' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await rep.api.accounts.archive({ accountId, reason: 'no_fit' });
    await expect(rep.api.accounts.move({ accountId, to: 'prospect' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('archived'),
    });
    const account = await rep.api.accounts.get({ id: accountId });
    expect(account).toMatchObject({ archived: true, archiveReason: 'no_fit' });
    expect(account.phaseChanges).toHaveLength(1);
  });

  it('evidence proposes the next phase: quote → negotiation, paid invoices → customer, then relationship', async () => {
    const { rep, accountId } = await suspect();
    await rep.api.accounts.move({ accountId, to: 'conversation' });
    const quote = await rep.api.activities.log({ accountId, type: 'quote', data: { amount: 12500, currency: 'EUR', version: '1' } });
    expect(quote.proposal).toMatchObject({ to: 'negotiation' });
    const day = 24 * 3600 * 1000;
    const t0 = Date.now() - 100 * day;
    const first = await rep.api.activities.log({ accountId, type: 'invoice', occurredAt: t0, data: { amount: 1000, paid: true } });
    expect(first.proposal).toMatchObject({ to: 'customer' });
    await rep.api.activities.acceptProposal({ proposalId: first.proposal!.id });
    const second = await rep.api.activities.log({ accountId, type: 'invoice', occurredAt: t0 + 30 * day, data: { amount: 1000, paid: true } });
    expect(second.proposal).toBeNull();
    const third = await rep.api.activities.log({ accountId, type: 'invoice', occurredAt: t0 + 60 * day, data: { amount: 1000, paid: true } });
    expect(third.proposal).toMatchObject({ to: 'relationship' });
  });

  it('no rule moves an account backwards by itself', async () => {
    const { rep, accountId } = await suspect();
    await rep.api.accounts.move({ accountId, to: 'closing' });
    const r = await rep.api.activities.log({ accountId, type: 'quote', data: { amount: 1 } });
    expect(r.proposal).toBeNull();
    expect((await rep.api.accounts.get({ id: accountId })).phase).toBe('closing');
  });

  it('a client-made write id makes a replayed write answer with its first result and change nothing', async () => {
    const { rep, accountId } = await suspect();
    const a = await rep.api.activities.log({ accountId, type: 'call', clientId: 'write-0001', subject: 'Intake' });
    const b = await rep.api.activities.log({ accountId, type: 'call', clientId: 'write-0001', subject: 'Intake' });
    expect(b).toEqual(a);
    expect((await rep.api.accounts.get({ id: accountId })).activities.filter((x) => x.type === 'call')).toHaveLength(1);
  });
});

describe('referrals', () => {
  it('a referral proposes ambassador and makes the referred company a suspect with the ambassador as its source', async () => {
    const { rep, accountId } = await suspect();
    await rep.api.accounts.move({ accountId, to: 'relationship' });
    const r = await rep.api.activities.log({ accountId, type: 'referral', data: { referredCompany: 'Bouwgroep Noord' }, clientId: 'referral-0001' });
    expect(r.proposal).toMatchObject({ to: 'ambassador' });
    const referred = await rep.api.accounts.get({ id: r.referredAccountId! });
    expect(referred).toMatchObject({ name: 'Bouwgroep Noord', phase: 'suspect', source: 'Referral: Acme BV' });
    // replayed, it makes no second company
    await rep.api.activities.log({ accountId, type: 'referral', data: { referredCompany: 'Bouwgroep Noord' }, clientId: 'referral-0001' });
    expect(await rep.api.accounts.search({ q: 'Bouwgroep' })).toHaveLength(1);
  });
});

describe('opportunities', () => {
  it('run conversation → negotiation → closing → won or lost, only for customers, while the account keeps its phase', async () => {
    const { rep, accountId } = await suspect();
    await expect(rep.api.opportunities.create({ accountId, kind: 'upsell', title: 'Extra isolatie' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await rep.api.accounts.move({ accountId, to: 'relationship' });
    const { opportunityId } = await rep.api.opportunities.create({ accountId, kind: 'upsell', title: 'Extra isolatie', amount: 4_000 });
    await rep.api.opportunities.advance({ opportunityId, stage: 'negotiation' });
    await rep.api.opportunities.close({ opportunityId, outcome: 'won' });
    const cross = await rep.api.opportunities.create({ accountId, kind: 'cross_sell', title: 'Onderhoud' });
    await expect(rep.api.opportunities.close({ opportunityId: cross.opportunityId, outcome: 'lost' })).rejects.toMatchObject({
      message: 'A lost opportunity needs a reason',
    });
    await rep.api.opportunities.close({ opportunityId: cross.opportunityId, outcome: 'lost', lostReason: 'no_budget' });
    await expect(rep.api.opportunities.advance({ opportunityId, stage: 'closing' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const account = await rep.api.accounts.get({ id: accountId });
    expect(account.phase).toBe('relationship');
    expect(account.opportunities.map((o) => [o.title, o.stage, o.outcome, o.amount]).sort()).toEqual([
      ['Extra isolatie', 'negotiation', 'won', 4_000],
      ['Onderhoud', 'conversation', 'lost', null],
    ]);
  });
});

describe('contact channels', () => {
  it('an e-mail address or phone number for a contact fills the prospect checklist', async () => {
    const { rep, accountId } = await suspect();
    await rep.api.accounts.move({ accountId, to: 'prospect' });
    const account = await rep.api.accounts.get({ id: accountId });
    expect(account.gaps.map((g) => g.key)).toContain('contactChannel');
    await expect(rep.api.accounts.addContactChannel({ contactId: account.contacts[0]!.id })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await rep.api.accounts.addContactChannel({ contactId: account.contacts[0]!.id, email: 'Jan.deVries@Acme.example', phone: '+31 30 123 4567' });
    const after = await rep.api.accounts.get({ id: accountId });
    expect(after.gaps.map((g) => g.key)).not.toContain('contactChannel');
    expect(after.contacts[0]).toMatchObject({ email: 'jan.devries@acme.example', phone: '+31 30 123 4567' });
  });
});

describe('checklist gaps kept on the account', () => {
  it('are counted from the start, and follow activities that fill the checklist', async () => {
    const { rep, accountId, db } = await suspect();
    const gaps = async () => (await db.query.accounts.findFirst({ where: (a, { eq }) => eq(a.id, accountId) }))!.checklistGaps;
    // suspect: address and industry open (the source is LinkedIn)
    expect(await gaps()).toBe(2);
    await rep.api.accounts.move({ accountId, to: 'negotiation' });
    expect(await gaps()).toBe(2);
    await rep.api.activities.log({ accountId, type: 'email_in' });
    expect(await gaps()).toBe(2);
    await rep.api.activities.log({ accountId, type: 'quote', data: { amount: 100 } });
    expect(await gaps()).toBe(1);
  });
});

describe('undoing a move', () => {
  it('a true undo: the account and every report are as if the move never happened', async () => {
    const t = await testDb();
    const me = await t.user('pieter@verkoop.example', 'Verkoop BV', 'manager');
    const { accountId } = await me.api.capture.linkedInPerson({ person: jan });
    await me.api.accounts.move({ accountId, to: 'prospect' });
    const figures = async () => {
      const now = Date.now();
      const f = await dashboard(t.db, me.actor, { from: now - 86_400_000, to: now + 60_000 });
      return { funnel: f.funnel, timeInPhase: f.timeInPhase, velocity: f.velocity };
    };
    const before = await figures();
    const beforeAccount = await me.api.accounts.get({ id: accountId });
    // a slip onto ambassador, skipping six phases
    await me.api.accounts.move({ accountId, to: 'ambassador' });
    expect((await figures()).funnel).not.toEqual(before.funnel);
    expect(await me.api.accounts.undoMove({ accountId })).toEqual({ accountId, phase: 'prospect' });
    const after = await me.api.accounts.get({ id: accountId });
    expect(after).toMatchObject({ phase: 'prospect', phaseSince: beforeAccount.phaseSince });
    expect(after.phaseChanges).toEqual(beforeAccount.phaseChanges);
    expect(await figures()).toEqual(before);
  });

  it('only the mover, only the last move, and not a first phase', async () => {
    const t = await testDb();
    const me = await t.user('pieter@verkoop.example');
    const other = await t.user('eva@verkoop.example');
    const { accountId } = await me.api.capture.linkedInPerson({ person: jan });
    await expect(me.api.accounts.undoMove({ accountId })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await me.api.accounts.move({ accountId, to: 'prospect' });
    await expect(other.api.accounts.undoMove({ accountId })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
