import { describe, expect, it } from 'vitest';
import { formatDate, formatDay, formatMoney, NONE } from '../../extension/format';

describe('formatting stored values', () => {
  it('writes good values, and "—" for values it cannot write instead of throwing', () => {
    expect(formatDate(Date.UTC(2026, 2, 5))).toMatch(/2026/);
    expect(formatMoney(1200, 'EUR')).toMatch(/1[.,\s]?200/);
    for (const bad of [9_000_000_000_000_000, Number.NaN, Infinity]) {
      expect(formatDate(bad)).toBe(NONE);
      expect(formatDay(bad)).toBe(NONE);
    }
    expect(formatMoney(10, 'not-a-currency')).toBe(NONE);
  });
});
