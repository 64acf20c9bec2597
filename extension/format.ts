/**
 * Dates and amounts as the browser's locale writes them. A stored value that
 * cannot be written (a date out of range, an unknown currency) shows as "—":
 * one bad value never breaks a view for the whole team.
 */
const date = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
export const NONE = '—';

function safe<A extends unknown[]>(fn: (...a: A) => string) {
  return (...a: A): string => {
    try {
      return fn(...a);
    } catch {
      return NONE;
    }
  };
}

const finite = (ms: unknown): number => {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) throw new RangeError('not a time');
  return ms;
};

export const formatDate = safe((ms: number) => date.format(finite(ms)));
export const formatDay = safe((ms: number) => day.format(finite(ms)));
export const formatMoney = safe((amount: number, currency: string) =>
  new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 0 }).format(finite(amount)),
);

const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
/** Numbers and shares in the browser's locale ("101,8" and "71 %" in Dutch); "–" for none. */
export const formatNumber = (x: number | null) => (x === null || !Number.isFinite(x) ? '–' : decimal.format(x));
export const formatPercent = (x: number | null) => (x === null || !Number.isFinite(x) ? '–' : percent.format(x));
