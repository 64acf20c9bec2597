/**
 * Locations as LinkedIn shows them: "Stockholm, Stockholm County, Sweden",
 * "Chandigarh, India", "Sweden", "Greater Stockholm Metropolitan Area",
 * "Utrecht, Utrecht" (a company's city and province), in English or Dutch.
 * Country names come from the platform (Intl.DisplayNames over ISO 3166
 * region codes, English and Dutch), not from a list of our own.
 */
import { clean } from './text';

export interface PlaceParts {
  city?: string;
  region?: string;
  country?: string;
}

const AREA = /\b(area|metropolitan|metro|greater|region|regio|metropoolregio|omgeving|gebied|randstad|en omstreken)\b|^groot-|^greater\b/i;
/** Codes that name no country (EU, UN, "unknown region", pseudo-locales). */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ', 'XA', 'XB']);
/** Older and everyday names LinkedIn and people still use beside the platform's own. */
const ALIASES = [
  'the netherlands',
  'holland',
  'turkey',
  'czech republic',
  'russia',
  'south korea',
  'usa',
  'uk',
  'great britain',
  'england',
  'scotland',
  'wales',
  'northern ireland',
];

let countries: Set<string> | undefined;

function countryNames(): Set<string> {
  if (countries) return countries;
  countries = new Set(ALIASES);
  const A = 65;
  for (const lang of ['en', 'nl']) {
    for (const style of ['long', 'short'] as const) {
      let names: Intl.DisplayNames;
      try {
        names = new Intl.DisplayNames([lang], { type: 'region', style, fallback: 'none' });
      } catch {
        continue;
      }
      for (let i = 0; i < 26; i++) {
        for (let j = 0; j < 26; j++) {
          const code = String.fromCharCode(A + i, A + j);
          if (NOT_COUNTRIES.has(code)) continue;
          let name: string | undefined;
          try {
            name = names.of(code);
          } catch {
            name = undefined;
          }
          if (name && name !== code) countries.add(name.toLowerCase());
        }
      }
    }
  }
  return countries;
}

export const isCountry = (s: string) => countryNames().has(clean(s).toLowerCase());
export const isArea = (s: string) => AREA.test(clean(s));

export function splitLocation(location: string | undefined): PlaceParts {
  const parts = clean(location)
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.length) return {};
  const last = parts[parts.length - 1]!;
  const country = isCountry(last) ? last : undefined;
  const rest = country ? parts.slice(0, -1) : parts;
  const first = rest[0];
  const out: PlaceParts = {};
  if (country) out.country = country;
  // an area ("Greater Stockholm Metropolitan Area", "Groot-Amsterdam") names no city
  if (first && !isArea(first)) out.city = first;
  if (rest.length >= 2) out.region = rest[1];
  return out;
}
