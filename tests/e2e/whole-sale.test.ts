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

    // a call with an outcome proposes customer conversation
    await logActivity('call', 'Intake', 'Need for insulation, budget 40k, decision in May');
    await accept('conversation');

    // the conversation checklist, filled in place
    await fillGap('need', { value: 'Duurzame isolatie' });
    await expect.poll(() => frame.locator('[data-gap="need"]').count()).toBe(0);
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

    const [account] = await h.server.db.query.accounts.findMany();
    expect(account).toMatchObject({ name: 'Acme BV', phase: 'ambassador', facts: { need: 'Duurzame isolatie' } });
    const changes = await h.server.db.query.phaseChanges.findMany({ orderBy: (c, { asc }) => asc(c.at) });
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
