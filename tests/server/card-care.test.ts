/**
 * The care figures on an account's card (accounts.get): the last two-way contact (not a note, not
 * a meeting still to come), the annual review due a year after becoming customer or after the last
 * review, and the complaints still open.
 */
import { describe, expect, it } from 'vitest';
import { ANNUAL_REVIEW_DUE_MS } from '../../shared/phases';
import { testDb } from '../helpers/server';
import { jan } from '../helpers/data';

const HOUR = 3_600_000;

describe("an account's care on its card", () => {
  it('counts the last two-way contact, dates the review from the first time it became customer, and lists open complaints', async () => {
    const t = await testDb();
    const rep = await t.user('pieter@verkoop.example');
    const { accountId } = await rep.api.capture.linkedInPerson({ person: jan });
    const now = Date.now();
    const call = now - 48 * HOUR;
    await rep.api.activities.log({ accountId, type: 'call', occurredAt: call });
    await rep.api.activities.log({ accountId, type: 'note', occurredAt: now - HOUR, subject: 'intern' });
    await rep.api.activities.log({ accountId, type: 'meeting', occurredAt: now + 24 * HOUR, subject: 'gepland' });
    let card = await rep.api.accounts.get({ id: accountId });
    expect(card.care).toMatchObject({ lastContactAt: call, lastReviewAt: null, reviewDueAt: null, openComplaints: [] });

    for (const to of ['prospect', 'conversation', 'negotiation', 'closing', 'customer'] as const) await rep.api.accounts.move({ accountId, to });
    card = await rep.api.accounts.get({ id: accountId });
    const becameCustomer = card.phaseChanges.find((c) => c.to === 'customer')!.at;
    expect(card.care.reviewDueAt).toBe(becameCustomer + ANNUAL_REVIEW_DUE_MS);
    // the history shows the moves, newest first, with who made them
    expect(card.history.filter((h) => h.kind === 'moved').map((h) => [h.kind === 'moved' && h.to, h.by])).toEqual([
      ['customer', 'pieter'],
      ['closing', 'pieter'],
      ['negotiation', 'pieter'],
      ['conversation', 'pieter'],
      ['prospect', 'pieter'],
      ['suspect', 'pieter'],
    ]);

    await rep.api.activities.log({ accountId, type: 'complaint_opened', occurredAt: now - 5 * HOUR, subject: 'Te laat geleverd', data: { complaintId: 'k1' } });
    await rep.api.activities.log({
      accountId,
      type: 'complaint_opened',
      occurredAt: now - 4 * HOUR,
      subject: 'Factuur klopt niet',
      data: { complaintId: 'k2' },
    });
    await rep.api.activities.log({ accountId, type: 'complaint_resolved', occurredAt: now - 3 * HOUR, data: { complaintId: 'k1' } });
    const review = now - 2 * HOUR;
    await rep.api.activities.log({ accountId, type: 'annual_review', occurredAt: review });
    card = await rep.api.accounts.get({ id: accountId });
    expect(card.care.openComplaints).toEqual([{ complaintId: 'k2', subject: 'Factuur klopt niet', openedAt: now - 4 * HOUR }]);
    expect(card.care).toMatchObject({ lastReviewAt: review, reviewDueAt: review + ANNUAL_REVIEW_DUE_MS, lastContactAt: review });
  });
});
