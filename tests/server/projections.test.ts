/**
 * The reporting tables follow what a transaction changed, applied once at its
 * end; a write that skips them is refused rather than leaving figures stale.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDb } from '../helpers/server';
import { accounts } from '../../server/db/schema';
import { insertActivity } from '../../server/domain/records/activities';
import { removeActivity } from '../../server/domain/remove-activity';
import { transact } from '../../server/domain/transact';
import { DAY_MS } from '../../shared/phases';

const T = Date.UTC(2026, 5, 1, 9);

describe('projections once per transaction', () => {
  it('a write that changes records outside transact() is refused, and nothing of it stays', async () => {
    const t = await testDb();
    const { actor, api } = await t.user('pieter@verkoop.example');
    const { accountId } = await api.capture.linkedInCompany({
      company: { kind: 'company', companyUrl: 'https://www.linkedin.com/company/acme', name: 'Acme BV' },
    });
    await expect(t.db.write((tx) => insertActivity(tx, actor, { accountId, type: 'call', occurredAt: T }))).rejects.toThrow(
      /without applying their projections/,
    );
    expect((await t.db.query.activities.findMany()).filter((a) => a.type === 'call')).toEqual([]);
  });

  it('activities added and taken out in one transaction leave net day counts and the last activity that remains', async () => {
    const t = await testDb();
    const { actor, api } = await t.user('pieter@verkoop.example');
    const { accountId } = await api.capture.linkedInCompany({
      company: { kind: 'company', companyUrl: 'https://www.linkedin.com/company/acme', name: 'Acme BV' },
    });
    const before = (await t.db.query.accounts.findFirst({ where: eq(accounts.id, accountId) }))!;
    await transact(t.db, async (tx) => {
      const first = await insertActivity(tx, actor, { accountId, type: 'call', occurredAt: T });
      await insertActivity(tx, actor, { accountId, type: 'call', occurredAt: T + 1000 });
      const latest = await insertActivity(tx, actor, { accountId, type: 'call', occurredAt: T + DAY_MS });
      await insertActivity(tx, actor, { accountId, type: 'meeting', occurredAt: T + 2000 });
      await removeActivity(tx, latest.activity);
      expect(first.created).toBe(true);
    });
    // the next day's call was added and taken out again: no count for that day at all
    const daily = (await t.db.query.activityDaily.findMany()).filter((r) => r.type === 'call' || r.type === 'meeting');
    const day = Math.floor(T / DAY_MS);
    expect(daily.map((r) => [r.day - day, r.type, r.count]).sort()).toEqual([
      [0, 'call', 2],
      [0, 'meeting', 1],
    ]);
    const after = (await t.db.query.accounts.findFirst({ where: eq(accounts.id, accountId) }))!;
    // the latest call was taken out: the last activity is the capture's or the meeting's, whichever is later
    expect(after.lastActivityAt).toBe(Math.max(before.lastActivityAt ?? 0, T + 2000));
  });
});
