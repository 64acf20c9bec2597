/**
 * One CSV row of a selection → the account (and contact) it describes, or
 * the reason it cannot be imported. Pure: the import decides what to match.
 */
import { hasControlCharacters } from '../../../shared/schemas';
import type { ImportField, ImportMapping, ImportRow, InvalidRow } from '../../../shared/intake';
export type { ImportRow, InvalidRow };
import type { CsvRow } from './read-csv';
import { normalizeEmail, normalizeKvk, normalizePostcode, websiteDomain } from './normalize';
import { domainOf } from '../../../shared/email';
import { linkedInPage, companyUrl, profileUrl } from '../../../shared/linkedin-urls';
import { splitName } from '../../../shared/names';
import { isFreeMail, nameFromAddress } from '../free-mail';

const MAX_CELL = 300;

export function toImportRow(row: CsvRow, mapping: ImportMapping): ImportRow | InvalidRow {
  const bad = (reason: string): InvalidRow => ({ line: row.line, reason });
  const cell = (f: ImportField) => {
    const i = mapping[f];
    // a quoted cell may span lines (an address written on two): one line here
    return i === undefined ? '' : (row.cells[i] ?? '').replace(/\s*[\r\n]+\s*/g, ', ').trim();
  };
  for (const f of Object.keys(mapping) as ImportField[]) {
    const v = cell(f);
    if (v.length > MAX_CELL) return bad(`${f}: longer than ${MAX_CELL} characters`);
    if (hasControlCharacters(v)) return bad(`${f}: control characters`);
  }
  const kvk = normalizeKvk(cell('kvk'));
  if (kvk === 'invalid') return bad(`KvK number "${cell('kvk')}" is not 8 digits`);
  const email = normalizeEmail(cell('email'));
  if (email === 'invalid') return bad(`"${cell('email')}" is not an e-mail address`);
  const rawPostcode = cell('postcode');
  const postcode = normalizePostcode(rawPostcode);
  if (rawPostcode && !postcode) return bad(`postcode "${rawPostcode}" is not a postcode`);
  const rawWebsite = cell('website');
  const site = websiteDomain(rawWebsite);
  if (rawWebsite && !site) return bad(`website "${rawWebsite}" is not a web address`);

  const li = cell('linkedinUrl') ? linkedInPage(cell('linkedinUrl')) : null;
  if (cell('linkedinUrl') && !li) return bad(`"${cell('linkedinUrl')}" is not a LinkedIn profile or company page`);
  const contactName = cell('contactName');
  const company = cell('name');
  if (!company && !contactName) return bad('no company or contact name');

  const address = cell('address') || [cell('street'), cell('houseNumber')].filter(Boolean).join(' ') || null;
  const domain = (email && !isFreeMail(email) ? domainOf(email) : null) ?? site;
  const phone = cell('phone') || null;
  const personLink = li?.kind === 'person' ? profileUrl(li.slug) : null;
  const hasPerson = Boolean(contactName || email || personLink);
  return {
    line: row.line,
    kind: company ? 'company' : 'person',
    name: company || contactName,
    address,
    postcode,
    city: cell('city') || null,
    country: cell('country') || (postcode && /^\d{4} [A-Z]{2}$/.test(postcode) ? 'Netherlands' : null),
    kvk,
    industry: cell('industry') || null,
    website: site ? (/^https?:\/\//i.test(rawWebsite) ? rawWebsite : `https://${rawWebsite}`) : null,
    domain,
    phone: company ? phone : null,
    linkedinCompanyUrl: li?.kind === 'company' ? companyUrl(li.slug) : null,
    contact: hasPerson
      ? { ...splitName(contactName || (email ? nameFromAddress(email) : '')), email, phone: company ? null : phone, linkedinUrl: personLink }
      : null,
  };
}

export const isInvalid = (r: ImportRow | InvalidRow): r is InvalidRow => 'reason' in r;
