/**
 * Intake and export, as the server and the dashboard both know it: the
 * fields a suspect list can fill, with the headers people actually use
 * (Dutch and English, KvK exports, Excel sheets), what an import reports,
 * the web form's honeypot, and the tables and formats of an export.
 */
import type { Label } from './phases';

export const IMPORT_FIELDS = [
  'name',
  'street',
  'houseNumber',
  'address',
  'postcode',
  'city',
  'country',
  'kvk',
  'industry',
  'website',
  'phone',
  'email',
  'contactName',
  'linkedinUrl',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** column index per field; a field left out is not read */
export type ImportMapping = Partial<Record<ImportField, number>>;

export const IMPORT_FIELD_LABELS: Record<ImportField, Label> = {
  name: { nl: 'Bedrijfsnaam', en: 'Company name' },
  street: { nl: 'Straat', en: 'Street' },
  houseNumber: { nl: 'Huisnummer', en: 'House number' },
  address: { nl: 'Adres', en: 'Address' },
  postcode: { nl: 'Postcode', en: 'Postcode' },
  city: { nl: 'Plaats', en: 'City' },
  country: { nl: 'Land', en: 'Country' },
  kvk: { nl: 'KvK-nummer', en: 'Chamber of Commerce (KvK) number' },
  industry: { nl: 'Branche (SBI)', en: 'Industry (SBI)' },
  website: { nl: 'Website', en: 'Website' },
  phone: { nl: 'Telefoon', en: 'Phone' },
  email: { nl: 'E-mail', en: 'E-mail' },
  contactName: { nl: 'Contactpersoon', en: 'Contact person' },
  linkedinUrl: { nl: 'LinkedIn-URL', en: 'LinkedIn URL' },
};

/** headers compared without case, accents, spaces and punctuation */
const ALIASES: Record<ImportField, string[]> = {
  name: [
    'bedrijfsnaam',
    'handelsnaam',
    'statutairenaam',
    'bedrijf',
    'organisatie',
    'companyname',
    'company',
    'organisation',
    'organization',
    'account',
    'naam',
    'name',
  ],
  street: ['straat', 'straatnaam', 'street', 'streetname', 'bezoekadresstraat'],
  houseNumber: ['huisnummer', 'huisnr', 'nr', 'nummer', 'housenumber', 'number', 'huisnummertoevoeging'],
  address: ['adres', 'bezoekadres', 'vestigingsadres', 'address', 'streetaddress', 'address1', 'addressline1'],
  postcode: ['postcode', 'postalcode', 'zip', 'zipcode', 'postcodebezoekadres'],
  city: ['plaats', 'woonplaats', 'vestigingsplaats', 'stad', 'city', 'town', 'place'],
  country: ['land', 'country'],
  kvk: ['kvk', 'kvknummer', 'kvknr', 'kamervankoophandel', 'cocnumber', 'coc', 'chamberofcommerce', 'kvkno', 'registrationnumber'],
  industry: ['sbi', 'sbicode', 'branche', 'sector', 'industrie', 'industry', 'sbiomschrijving', 'hoofdactiviteit', 'activiteit'],
  website: ['website', 'web', 'url', 'internetadres', 'site', 'homepage', 'www'],
  phone: ['telefoon', 'telefoonnummer', 'tel', 'phone', 'phonenumber', 'telephone', 'mobiel'],
  email: ['email', 'emailadres', 'mail', 'emailaddress', 'e-mail'],
  contactName: ['contactpersoon', 'contact', 'contactnaam', 'contactperson', 'contactname', 'persoon', 'aanhef'],
  linkedinUrl: ['linkedin', 'linkedinurl', 'linkedinprofiel', 'linkedinprofile', 'linkedinpage'],
};

export const headerKey = (h: string) =>
  h
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** Per field, the header of its most telling alias; a header serves one field only. */
export function guessMapping(headers: readonly string[]): ImportMapping {
  const keys = headers.map(headerKey);
  const mapping: ImportMapping = {};
  const taken = new Set<number>();
  const claim = (field: ImportField, aliases: readonly string[]) => {
    for (const alias of aliases) {
      const i = keys.findIndex((k, idx) => !taken.has(idx) && k === headerKey(alias));
      if (i >= 0) {
        mapping[field] = i;
        taken.add(i);
        return;
      }
    }
  };
  for (const field of IMPORT_FIELDS) claim(field, ALIASES[field]);
  // "Name" beside "Company" is the person
  if (mapping.contactName === undefined) claim('contactName', ['naam', 'name', 'fullname', 'volledigenaam']);
  return mapping;
}

/** The tables a team can export, one file each, as CSV (`;` for Dutch Excel, or `,`) or JSON lines. */
export const EXPORT_TABLE_NAMES = ['accounts', 'contacts', 'activities', 'phase_changes', 'opportunities'] as const;
export type ExportTable = (typeof EXPORT_TABLE_NAMES)[number];
export const EXPORT_FORMATS = ['csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const CSV_DELIMITERS = [';', ','] as const;

/**
 * Text that a spreadsheet would run as a formula ("=HYPERLINK(…)" in a scraped
 * headline, a name typed into a web form) is written to CSV with a leading
 * apostrophe, as OWASP advises: shown as text, never evaluated. Used by the
 * server's export and the dashboard's table downloads.
 */
export const defuseFormula = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** A web form's hidden field: bots fill every field, people never see this one (the dashboard's snippet hides it). */
export const HONEYPOT = 'hp_website';

/** One row of a selection as it will be stored. */
export interface ImportRow {
  line: number;
  kind: 'company' | 'person';
  name: string;
  address: string | null;
  postcode: string | null;
  city: string | null;
  country: string | null;
  kvk: string | null;
  industry: string | null;
  website: string | null;
  /** the company's domain, from its website or a non-free-mail address */
  domain: string | null;
  phone: string | null;
  linkedinCompanyUrl: string | null;
  contact: { firstName: string; lastName: string; email: string | null; phone: string | null; linkedinUrl: string | null } | null;
}

export interface InvalidRow {
  line: number;
  reason: string;
}

export interface ImportReport {
  dryRun: boolean;
  source: string;
  encoding: string;
  delimiter: string;
  headers: string[];
  mapping: ImportMapping;
  rows: number;
  /** new accounts */
  imported: number;
  /** rows that found an account the team already has (in the database or earlier in this file) */
  matched: number;
  /** of the matched, those that got an empty field filled or a contact added */
  enriched: number;
  invalid: number;
  contactsAdded: number;
  /** the first bad rows, by line number */
  errors: InvalidRow[];
  preview: ImportRow[];
  /** the first rows as they are in the file, to check the column mapping against */
  sample: string[][];
}
