/** Bulk intake writes rows exactly as drizzle's own insert would: JSON columns, nulls and column defaults. */
import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDb } from '../helpers/server';
import { bulkInsert } from '../../server/db/bulk-insert';
import { accounts, contactEmails, contacts, phaseChanges } from '../../server/db/schema';

it('writes JSON columns, nulls and defaults like drizzle, in slices, and skips duplicates when asked', async () => {
  const t = await testDb();
  const u = await t.user('bulk@verkoop.example');
  const rows = Array.from({ length: 2500 }, (_, i) => ({
    id: `acc-${i}`,
    teamId: u.teamId,
    name: `Bedrijf ${i}`,
    phase: 'suspect' as const,
    phaseSince: 1_000 + i,
    facts: i === 0 ? { need: 'koffie' } : {},
    city: i % 2 ? 'Utrecht' : null,
  }));
  await t.db.write((tx) => bulkInsert(tx, accounts, rows));
  const first = (await t.db.query.accounts.findFirst({ where: eq(accounts.id, 'acc-0') }))!;
  expect(first).toMatchObject({ name: 'Bedrijf 0', phase: 'suspect', facts: { need: 'koffie' }, city: null, kind: 'company', archivedAt: null });
  expect(first.createdAt).toBeGreaterThan(0); // the column default
  expect(await t.db.$count(accounts)).toBe(2500);
  expect((await t.db.query.accounts.findFirst({ where: eq(accounts.id, 'acc-2499') }))!.city).toBe('Utrecht');

  await t.db.write((tx) =>
    bulkInsert(tx, phaseChanges, [
      { id: 'pc-1', teamId: u.teamId, accountId: 'acc-1', from: null, to: 'prospect', at: 5, byUserId: u.userId, skipped: ['suspect'] },
    ]),
  );
  expect(await t.db.query.phaseChanges.findFirst({ where: eq(phaseChanges.id, 'pc-1') })).toMatchObject({ skipped: ['suspect'], from: null, reason: null });

  await t.db.write((tx) => bulkInsert(tx, contacts, [{ id: 'c-1', teamId: u.teamId, accountId: 'acc-1', firstName: 'Jan', lastName: 'Smit' }]));
  const twice = [{ teamId: u.teamId, email: 'jan@smit.example', contactId: 'c-1' }];
  await t.db.write((tx) => bulkInsert(tx, contactEmails, twice, { ignoreDuplicates: true }));
  await t.db.write((tx) => bulkInsert(tx, contactEmails, twice, { ignoreDuplicates: true }));
  expect(await t.db.$count(contactEmails)).toBe(1);
  await expect(t.db.write((tx) => bulkInsert(tx, contactEmails, twice))).rejects.toThrow();
  // a failed statement takes the whole transaction with it
  await expect(
    t.db.write(async (tx) => {
      await bulkInsert(tx, accounts, [{ ...rows[0]!, id: 'acc-new' }]);
      await bulkInsert(tx, contactEmails, twice);
    }),
  ).rejects.toThrow();
  expect(await t.db.query.accounts.findFirst({ where: eq(accounts.id, 'acc-new') })).toBeUndefined();
});
