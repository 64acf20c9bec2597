/**
 * LinkedIn extractors: pure functions of a Document and its URL. Each field
 * is taken from the first layer that gives an answer passing validation:
 * data the page embeds, then the DOM by meaning, then <title>/og: meta, then
 * the URL. The result says which layer gave each field and which fields are
 * missing, so that capture health can be measured per layout.
 */
import type { LinkedInCompany, LinkedInPerson, ExtractionInfo } from '../../../shared/schemas';
import { splitName } from '../../../shared/names';
import { companyUrl, linkedInPage, normalizeCompanyHref, profileUrl } from './pages';
import { LI } from './selectors';
import { clean, cut, httpUrl } from './text';
import { validCompany, validHeadline, validName } from './validate';
import { splitLocation } from './location';
import { embeddedCompany, embeddedPerson } from './embedded';
import { domPerson, presentEmployer } from './person-dom';
import { domCompany } from './company-dom';

/** Bumped with every change to what the extractors read; stored with each capture. */
export const EXTRACTOR_VERSION = '2026.11.28';

type Layer = ExtractionInfo['sources'][string];
const meta = (doc: Document, sel: string) => clean(doc.querySelector(sel)?.getAttribute('content'));

/** "(3) Jan de Vries - Acme BV | LinkedIn" → ["Jan de Vries", "Acme BV"]: LinkedIn's own pattern, split at " - " and " | LinkedIn". */
function titleParts(doc: Document): string[] {
  const title = clean(doc.title) || meta(doc, LI.ogTitle);
  const bare = title.replace(/^\(\d+\+?\)\s*/, '').replace(/\s*\|\s*LinkedIn\s*$/i, '');
  return bare ? bare.split(' - ').map(clean).filter(Boolean) : [];
}

/** "jan-de-vries-4b2a1" → "Jan De Vries": the last resort for a name, without the trailing id. */
function nameFromSlug(slug: string): string {
  const words = slug.split('-').filter((w) => w && !/\d/.test(w));
  return words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
}

class Picker {
  sources: Record<string, Layer> = {};
  pick<T>(field: string, candidates: [Layer, T | undefined][], valid: (v: T | undefined) => boolean = (v) => v !== undefined && v !== ''): T | undefined {
    for (const [layer, value] of candidates) {
      if (valid(value)) {
        this.sources[field] = layer;
        return value;
      }
    }
    return undefined;
  }
  info(layout: string, fields: string[]): ExtractionInfo {
    return { version: EXTRACTOR_VERSION, layout, sources: this.sources, missing: fields.filter((f) => !this.sources[f]) };
  }
}

const PERSON_FIELDS = ['name', 'headline', 'company', 'location'];
const COMPANY_FIELDS = ['name', 'tagline', 'industry', 'size', 'location', 'website'];

export interface ExtractOptions {
  /** name the person from the URL when the page shows nothing yet (the sidebar never stays away) */
  allowUrlOnly?: boolean;
}

export function extractPerson(doc: Document, url: string, opts: ExtractOptions = {}): LinkedInPerson | null {
  const page = linkedInPage(url);
  if (page?.kind !== 'person') return null;
  const { slug } = page;
  const emb = embeddedPerson(doc, slug);
  const title = titleParts(doc);
  const dom = domPerson(doc, slug, emb.name ?? title[0]);
  // nothing on the page names the person yet: it has not rendered (unless the caller has waited long enough)
  if (!emb.name && !dom.name && !opts.allowUrlOnly) return null;
  const p = new Picker();

  const name = p.pick(
    'name',
    [
      ['embedded', emb.name],
      ['dom', dom.name],
      ['meta', title[0]],
      ['url', nameFromSlug(slug)],
    ],
    validName,
  )!;
  const headline = p.pick(
    'headline',
    [
      ['embedded', emb.headline],
      ['dom', dom.headline],
    ],
    (v) => validHeadline(v, name),
  );
  const location = p.pick('location', [
    ['embedded', emb.location],
    ['dom', dom.location],
  ]);

  // the employer only from a current-position signal; its page only from that same entry
  const present = presentEmployer(doc);
  // "Zuiderbank" in the top card is "Zuiderbank N.V." in Experience: compare letters and digits only
  const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const sameAsPresent = (n?: string) => {
    if (!n || !present.name) return undefined;
    const [a, b] = [key(n), key(present.name)];
    return a && b && (a === b || a.startsWith(b) || b.startsWith(a)) ? present.url : undefined;
  };
  const employer = p.pick<{ name?: string; url?: string }>(
    'company',
    [
      ['embedded', { name: emb.companyName, url: normalizeCompanyHref(emb.companyUrl ?? '', url) }],
      ['dom', { name: dom.companyName, url: dom.companyUrl ?? sameAsPresent(dom.companyName) }],
      ['experience', present],
      // the title's last part, unless the page's own JSON-LD says the person has no employer ("Name - Student - University")
      ['meta', { name: title.length >= 2 && title[0] === name && !emb.fromJsonLd ? title[title.length - 1] : undefined }],
    ],
    (v) => validCompany(v?.name),
  );

  const photo = httpUrl(dom.photoUrl ?? meta(doc, LI.ogImage), url);
  const { firstName, lastName } = emb.firstName && p.sources.name === 'embedded' ? { firstName: emb.firstName, lastName: emb.lastName ?? '' } : splitName(name);
  const memberId = emb.memberId ?? dom.memberId;
  const place = splitLocation(location);
  return {
    kind: 'person',
    name: cut(name, 200),
    firstName: cut(firstName, 200),
    lastName: cut(lastName, 200),
    headline: headline ? cut(headline, 500) : undefined,
    companyName: employer?.name ? cut(employer.name, 200) : undefined,
    companyUrl: employer?.url,
    location: location ? cut(location, 200) : undefined,
    city: place.city ? cut(place.city, 200) : undefined,
    country: place.country ? cut(place.country, 200) : undefined,
    profileUrl: profileUrl(slug),
    memberId: memberId && /^\d{1,20}$/.test(memberId) ? memberId : undefined,
    photoUrl: photo && /(^|\.)licdn\.com$/.test(new URL(photo).hostname) ? photo : undefined,
    extraction: p.info(emb.name ? `${dom.layout}+data` : dom.layout, PERSON_FIELDS),
  };
}

export function extractCompany(doc: Document, url: string, opts: ExtractOptions = {}): LinkedInCompany | null {
  const page = linkedInPage(url);
  if (page?.kind !== 'company') return null;
  const emb = embeddedCompany(doc);
  const dom = domCompany(doc, url);
  const title = titleParts(doc);
  if (!emb.name && !dom.name && !opts.allowUrlOnly) return null;
  const p = new Picker();
  const name = p.pick(
    'name',
    [
      ['embedded', emb.name],
      ['dom', dom.name],
      ['meta', title[0]],
      ['url', nameFromSlug(page.slug)],
    ],
    validName,
  )!;
  const tagline = p.pick(
    'tagline',
    [
      ['embedded', emb.tagline],
      ['dom', dom.tagline],
    ],
    (v) => validHeadline(v, name),
  );
  const industry = p.pick('industry', [['dom', dom.industry]]);
  const size = p.pick('size', [['dom', dom.size]]);
  const location = p.pick('location', [
    ['dom', dom.location],
    ['embedded', emb.location],
  ]);
  const website = p.pick('website', [
    ['embedded', httpUrl(emb.website, url)],
    ['dom', dom.website],
  ]);
  const place = splitLocation(location);
  const layout = doc.querySelector('.top-card-layout') ? 'guest-company' : doc.querySelector('main[aria-label]') ? 'company-2026' : 'company';
  return {
    kind: 'company',
    name: cut(name, 200),
    industry: industry ? cut(industry, 200) : undefined,
    size: size ? cut(size, 200) : undefined,
    location: location ? cut(location, 200) : undefined,
    city: place.city ? cut(place.city, 200) : undefined,
    country: place.country ? cut(place.country, 200) : undefined,
    website,
    tagline: tagline ? cut(tagline, 500) : undefined,
    companyUrl: companyUrl(page.slug),
    extraction: p.info(layout, COMPANY_FIELDS),
  };
}

/** The page at `url`, whichever kind it is. */
export function extractLinkedIn(doc: Document, url: string, opts: ExtractOptions = {}): LinkedInPerson | LinkedInCompany | null {
  const ref = linkedInPage(url);
  if (ref?.kind === 'person') return extractPerson(doc, url, opts);
  if (ref?.kind === 'company') return extractCompany(doc, url, opts);
  return null;
}

export { splitLocation };
