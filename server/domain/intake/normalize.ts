/**
 * Normalized forms of what a selection holds, so that the same company from
 * two lists is recognized: Dutch postcodes as "1234 AB", KvK numbers as 8
 * digits, websites as their domain.
 */
import { email } from '../../../shared/schemas';

const DUTCH_POSTCODE = /^([1-9][0-9]{3})\s?([A-Za-z]{2})$/;

/** "1234ab" → "1234 AB"; a foreign postcode is kept as written, in capitals. */
export function normalizePostcode(raw: string): string | null {
  const s = raw.trim().replace(/\s+/g, ' ');
  if (!s) return null;
  const nl = DUTCH_POSTCODE.exec(s);
  if (nl) return `${nl[1]} ${nl[2]!.toUpperCase()}`;
  return s.length <= 12 ? s.toUpperCase() : null;
}

/** A KvK number is 8 digits; spreadsheets drop the leading zero and some lists add dots or spaces. */
export function normalizeKvk(raw: string): string | null | 'invalid' {
  const s = raw.trim();
  if (!s) return null;
  const digits = s.replace(/[\s.-]/g, '');
  if (!/^\d{7,8}$/.test(digits)) return 'invalid';
  return digits.padStart(8, '0');
}

/** "https://www.acme.nl/contact" → "acme.nl"; null when it is not a web address. */
export function websiteDomain(raw: string): string | null {
  const s = raw.trim();
  if (!s) return null;
  try {
    const url = new URL(/^https?:\/\//i.test(s) ? s : `https://${s}`);
    const host = url.hostname.toLowerCase().replace(/^www\./, '');
    return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) ? host : null;
  } catch {
    return null;
  }
}

/** An address by the same rule as everywhere else (shared/schemas.ts); "invalid" when it is none. */
export const normalizeEmail = (raw: string): string | null | 'invalid' => {
  if (!raw.trim()) return null;
  const parsed = email.safeParse(raw);
  return parsed.success ? parsed.data : 'invalid';
};
