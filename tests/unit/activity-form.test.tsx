// @vitest-environment happy-dom
/**
 * The fields each activity asks for, as a rep fills them in, and what the
 * forms send: the checklist's forms and the care logger read both from
 * extension/sidebar/activity-form.tsx.
 */
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { ActivityFields, readActivity } from '../../extension/sidebar/activity-form';
import type { ActivityType } from '../../shared/phases';

/** A form with the type's fields, filled in as given (a checkbox by `true`/`false`). */
function filled(type: ActivityType, values: Record<string, string | boolean>) {
  const form = document.createElement('form');
  document.body.append(form);
  render(<ActivityFields type={type} />, form);
  const names = [...form.querySelectorAll('input')].map((i) => i.name);
  for (const [name, value] of Object.entries(values)) {
    const input = form.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
    if (typeof value === 'boolean') input.checked = value;
    else input.value = value;
  }
  return { form, names };
}

describe('activity fields', () => {
  it('a quote asks for amount, currency, version and date, and sends them as data', () => {
    const { form, names } = filled('quote', { amount: '12500', currency: 'eur', version: '2', date: '2026-03-20' });
    expect(names).toEqual(['amount', 'currency', 'version', 'date']);
    expect(readActivity('quote', form)).toEqual({ occurredAt: Date.parse('2026-03-20'), data: { amount: 12500, currency: 'EUR', version: '2' } });
  });

  it('an invoice says whether it was paid; a delivery whether it was on time (ticked to begin with)', () => {
    expect(readActivity('invoice', filled('invoice', { amount: '400', paid: true }).form).data).toEqual({ amount: 400, paid: true });
    const delivery = filled('delivery', { subject: 'Isolatie hal 1' });
    expect(readActivity('delivery', delivery.form)).toEqual({ subject: 'Isolatie hal 1', data: { onTime: true } });
    expect(readActivity('delivery', filled('delivery', { onTime: false }).form).data).toEqual({ onTime: false });
  });

  it('a call keeps its outcome, a referral names the company referred, a complaint gets an id to be resolved by', () => {
    const call = filled('call', { subject: 'Intake', outcome: 'Budget 40k, besluit in mei' });
    expect(readActivity('call', call.form)).toEqual({ subject: 'Intake', data: { outcome: 'Budget 40k, besluit in mei' } });
    expect(readActivity('referral', filled('referral', { subject: 'Bouwgroep Noord' }).form)).toEqual({
      subject: 'Bouwgroep Noord',
      data: { referredCompany: 'Bouwgroep Noord' },
    });
    const complaint = readActivity('complaint_opened', filled('complaint_opened', { subject: 'Te laat geleverd' }).form);
    expect(complaint.data.complaintId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('an amount that is not a number is left out, not sent as nothing', () => {
    expect(readActivity('quote', filled('quote', { amount: 'twaalf' }).form).data).toEqual({});
  });
});
