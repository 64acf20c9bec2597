/** One account from suspect to ambassador through the sidebar, with a move back on the way. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrameLocator, Page } from 'playwright-core';
import { configure, sidebar, startHarness, type Harness } from './harness';

const JAN = 'https://www.linkedin.com/in/jan-de-vries-4b2a1/';

let h: Harness;
let page: Page;
let frame: FrameLocator;
beforeAll(async () => {
  h = await startHarness();
  await configure(h, h.serverUrl, h.token);
  page = await h.context.newPage();
  frame = sidebar(page);
});
afterAll(() => h?.close());

const phase = () => frame.locator('[data-phase]').getAttribute('data-phase', { timeout: 10_000 });
const expectPhase = (p: string) => expect.poll(phase, { timeout: 10_000 }).toBe(p);
const accept = async (to: string) => {
  await frame.locator('[data-action="accept-proposal"]').click({ timeout: 10_000 });
  await expectPhase(to);
};
/** Opens a checklist item's form, fills its fields and saves it. */
async function fillGap(key: string, fields: Record<string, string>, check?: string) {
  const gap = frame.locator(`[data-gap="${key}"]`);
  await gap.locator('button.link').click();
  for (const [name, value] of Object.entries(fields)) await gap.locator(`[name="${name}"]`).fill(value);
  if (check) await gap.locator(`[name="${check}"]`).check();
  await gap.locator('[data-action="fill-gap"]').click();
}
async function logActivity(type: string, subject: string, outcome?: string) {
  await frame.locator('select[name="activityType"]').selectOption(type);
  await frame.locator('.care input[name="subject"]').fill(subject);
  if (outcome) await frame.locator('.care input[name="outcome"]').fill(outcome);
  await frame.locator('[data-action="log-activity"]').click();
}

describe('the whole sale in the sidebar', () => {
  it('walks Acme BV from suspect to ambassador, filling checklists in place and confirming proposals', async () => {
    await page.goto(JAN);
    await frame.locator('[data-action="capture"]').click({ timeout: 10_000 });
    await expectPhase('suspect');

    // one click on a later step moves forward
    await frame.locator('[data-step="prospect"]').click();
    await expectPhase('prospect');
    await fillGap('contactChannel', { email: 'jan.devries@acme.example' });
    await expect.poll(() => frame.locator('[data-gap="contactChannel"]').count()).toBe(0);

    // a call with an outcome proposes customer conversation
    await logActivity('call', 'Intake', 'Need for insulation, budget 40k, decision in May');
    await accept('conversation');

    // the conversation checklist, filled in place
    await fillGap('need', { value: 'Duurzame isolatie' });
    await expect.poll(() => frame.locator('[data-gap="need"]').count()).toBe(0);
    // the answer does not vanish: it is shown, and corrected in place
    expect(await frame.locator('[data-fact="need"] dd').textContent()).toContain('Duurzame isolatie');
    await frame.locator('[data-fact="need"] [data-action="edit-fact"]').click();
    await frame.locator('[data-fact="need"] input').fill('Duurzame isolatie en ventilatie');
    await frame.locator('[data-fact="need"] button[type="submit"]').click();
    await expect.poll(() => frame.locator('[data-fact="need"] dd').textContent(), { timeout: 10_000 }).toContain('en ventilatie');
    await frame.locator('[data-gap="decisionRoles"] button.link').click();
    await frame.locator('[data-gap="decisionRoles"] select[name="role"]').selectOption('decision_maker');
    await expect.poll(() => frame.locator('[data-gap="decisionRoles"]').count()).toBe(0);

    // a quote proposes negotiation
    await fillGap('next-quote', { amount: '12500', currency: 'EUR', version: '1' });
    await accept('negotiation');

    // the quote is rejected: back to conversation, with a reason
    await frame.locator('[data-step="conversation"]').click();
    expect(await frame.locator('[data-action="confirm-move"]').isDisabled()).toBe(true);
    await frame.locator('[data-reason="lost_competitor"]').click();
    await frame.locator('[data-action="confirm-move"]').click();
    await expectPhase('conversation');
    await frame.locator('[data-step="negotiation"]').click();
    await expectPhase('negotiation');

    // written confirmation proposes closing; a paid invoice, customer
    await fillGap('next-confirmation', { reference: 'PO-2026-118' });
    await accept('closing');
    await fillGap('next-invoice', { amount: '12500' }, 'paid');
    await accept('customer');

    // two more payments within 12 months: relationship management
    await logActivity('payment', 'Termijn 2');
    await logActivity('payment', 'Termijn 3');
    await accept('relationship');

    // a referral makes an ambassador
    await logActivity('referral', 'Bouwgroep Noord');
    await accept('ambassador');

    const accounts = await h.server.db.query.accounts.findMany();
    const account = accounts.find((a) => a.name === 'Acme BV')!;
    expect(account).toMatchObject({ phase: 'ambassador', facts: { need: 'Duurzame isolatie en ventilatie' } });
    // the referral made the referred company a suspect, with Acme as its source
    expect(accounts.find((a) => a.name === 'Bouwgroep Noord')).toMatchObject({ phase: 'suspect', source: 'Referral: Acme BV' });
    const changes = await h.server.db.query.phaseChanges.findMany({ where: (c, { eq }) => eq(c.accountId, account.id), orderBy: (c, { asc }) => asc(c.at) });
    expect(changes.map((c) => [c.from, c.to, c.reason?.startsWith('evidence') ? 'evidence' : c.reason])).toEqual([
      [null, 'suspect', null],
      ['suspect', 'prospect', null],
      ['prospect', 'conversation', 'evidence'],
      ['conversation', 'negotiation', 'evidence'],
      ['negotiation', 'conversation', 'lost_competitor'],
      ['conversation', 'negotiation', null],
      ['negotiation', 'closing', 'evidence'],
      ['closing', 'customer', 'evidence'],
      ['customer', 'relationship', 'evidence'],
      ['relationship', 'ambassador', 'evidence'],
    ]);
  }, 90_000);

  it('an upsell for the ambassador runs to won while the account stays where it is', async () => {
    await frame.locator('select[name="opportunityKind"]').selectOption('upsell');
    await frame.locator('input[name="opportunityTitle"]').fill('Extra isolatie hal 2');
    await frame.locator('input[name="opportunityAmount"]').fill('4000');
    await frame.locator('[data-action="create-opportunity"]').click();
    const opp = frame.locator('[data-opportunity]');
    await expect.poll(() => opp.getAttribute('data-stage'), { timeout: 10_000 }).toBe('conversation');
    await opp.locator('[data-action="advance-opportunity"][data-to="negotiation"]').click();
    await expect.poll(() => opp.getAttribute('data-stage')).toBe('negotiation');
    await opp.locator('[data-action="win-opportunity"]').click();
    await expect.poll(() => opp.getAttribute('data-outcome')).toBe('won');
    await expectPhase('ambassador');
  });

  it('a next step with a date in the past shows as overdue', async () => {
    await frame.locator('input[name="nextStep"]').fill('Jaargesprek plannen');
    await frame.locator('input[name="nextStepDue"]').fill('2026-01-15');
    await frame.locator('[data-action="save-next-step"]').click();
    await expect.poll(() => frame.locator('[data-next-step-overdue]').textContent(), { timeout: 10_000 }).toContain('Jaargesprek plannen');
  });

  it('a complaint is opened and resolved from the account card', async () => {
    await logActivity('complaint_opened', 'Late levering isolatie');
    await frame.locator('[data-action="resolve-complaint"]').click({ timeout: 10_000 });
    await expect.poll(() => frame.locator('[data-complaint]').count()).toBe(0);
    const types = (await h.server.db.query.activities.findMany()).map((a) => a.type);
    expect(types).toEqual(expect.arrayContaining(['complaint_opened', 'complaint_resolved']));
  });
});

describe('archive', () => {
  it('takes an account out of the funnel with a reason, keeps its history, and brings it back', async () => {
    await frame.locator('[data-action="archive"]').click();
    await frame.locator('select[name="archiveReason"]').selectOption('no_fit');
    await frame.locator('input[name="archiveNote"]').fill('Verhuist naar Duitsland');
    await frame.locator('[data-action="confirm-archive"]').click();
    await expect.poll(() => frame.locator('[data-archived]').textContent(), { timeout: 10_000 }).toContain('No fit: Verhuist naar Duitsland');
    expect(await frame.locator('[data-step]').count()).toBe(0);
    const account = (await h.server.db.query.accounts.findMany()).find((a) => a.name === 'Acme BV')!;
    expect(account.archivedAt).not.toBeNull();
    expect(await h.server.db.query.phaseChanges.findMany({ where: (c, { eq }) => eq(c.accountId, account.id) })).toHaveLength(10);
    await frame.locator('[data-action="restore"]').click();
    await expect.poll(() => frame.locator('[data-step]').count(), { timeout: 10_000 }).toBe(8);
  });
});
