/**
 * LinkedIn extractors: pure functions of a Document and its URL. They lean on
 * stable anchors with fallbacks, read only inside <main> (never the signed-in
 * user in the header, nor "People also viewed" in the aside), and return
 * null when the page is not (yet) the one the URL names.
 */
import type { LinkedInCompany, LinkedInPerson } from '../../../shared/schemas';
import { splitName } from '../../../shared/names';
import { companyUrl, linkedInPage, normalizeCompanyHref, profileUrl } from './pages';
import { LABELS, LI } from './selectors';

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const meta = (doc: Document, sel: string) => clean(doc.querySelector(sel)?.getAttribute('content'));
const cut = (s: string, max: number) => (s.length > max ? s.slice(0, max) : s);
const orUndefined = (s: string) => (s ? s : undefined);

function httpUrl(href: string | null | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    const u = new URL(href, base);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** The page title without LinkedIn's notification count and suffix: "(3) Jan de Vries | LinkedIn" → "Jan de Vries". */
const titleName = (doc: Document) => clean(doc.title.replace(/^\(\d+\+?\)\s*/, '').replace(/\s*\|\s*LinkedIn\s*$/i, '').split(/:\s/)[0]);

const COUNTRIES = /^(netherlands|nederland|belgium|belgië|belgie|germany|duitsland|deutschland|france|frankrijk|united kingdom|verenigd koninkrijk|united states|verenigde staten|spain|spanje|italy|italië|luxembourg|luxemburg|denmark|sweden|norway|ireland|austria|switzerland|poland)$/i;

/** "Utrecht, Utrecht, Netherlands" → Utrecht / Netherlands; "Utrecht, Utrecht" has no country. */
export function splitLocation(location: string): { city?: string; country?: string } {
  const parts = location.split(',').map((p) => p.trim()).filter(Boolean);
  if (!parts.length) return {};
  const last = parts[parts.length - 1]!;
  const country = parts.length >= 3 || (parts.length === 2 && COUNTRIES.test(last)) ? last : undefined;
  return country ? { city: parts[0], country } : { city: parts[0] };
}

/** Text elements that follow `start` inside `root`, in document order. */
function* textAfter(root: Element, start: Element): Generator<Element> {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 1 /* SHOW_ELEMENT */);
  walker.currentNode = start;
  let node: Node | null;
  while ((node = walker.nextNode())) {
    const el = node as Element;
    if (start.contains(el)) continue;
    if (!['P', 'DIV'].includes(el.tagName)) continue;
    if (el.querySelector('div, p, ul, li, img, svg, button, a')) continue;
    if (clean(el.textContent)) yield el;
  }
}

function personName(doc: Document): string {
  return clean(doc.querySelector(LI.name)?.textContent) || titleName(doc);
}

function currentCompany(doc: Document, topCard: Element | null): { name?: string; url?: string } {
  let name: string | undefined;
  for (const b of doc.querySelectorAll(LI.currentCompanyButton)) {
    const m = LABELS.currentCompany.exec(clean(b.getAttribute('aria-label')));
    if (m) {
      name = clean(m[2]);
      break;
    }
  }
  if (!name) {
    for (const e of (topCard ?? doc).querySelectorAll('[role="button"][aria-label]')) {
      if (e.querySelector(LI.companyIcon)) {
        name = clean(e.getAttribute('aria-label'));
        break;
      }
    }
  }
  if (!name) {
    // og:title "Jan de Vries - Acme BV | LinkedIn"
    const og = meta(doc, LI.ogTitle).replace(/\s*\|\s*LinkedIn\s*$/i, '');
    const dash = og.indexOf(' - ');
    if (dash > 0) name = clean(og.slice(dash + 3)) || undefined;
  }
  let url: string | undefined;
  const links = [...doc.querySelectorAll<HTMLAnchorElement>(LI.companyLink)];
  const byName = name
    ? links.find((a) => {
        const label = clean(a.querySelector('img')?.getAttribute('alt') ?? a.textContent).toLowerCase();
        return label === name!.toLowerCase() || label.startsWith(`${name!.toLowerCase()} `);
      })
    : undefined;
  const link = byName ?? (name ? undefined : links[0]);
  if (link) url = normalizeCompanyHref(link.getAttribute('href') ?? '', doc.location?.href ?? 'https://www.linkedin.com/');
  return { name, url };
}

function location(doc: Document): string {
  const contact = doc.querySelector(LI.contactInfoLink);
  const box = contact?.closest('div');
  if (box) {
    for (const el of box.children) {
      if (el.contains(contact!)) continue;
      const text = clean(el.textContent);
      if (text && text !== '·') return text;
    }
  }
  return '';
}

export function extractPerson(doc: Document, url: string): LinkedInPerson | null {
  const page = linkedInPage(url);
  if (page?.kind !== 'person') return null;
  const h1 = doc.querySelector(LI.name);
  const name = personName(doc);
  if (!h1 || !name) return null;
  const topCard = h1.closest('section') ?? doc.querySelector(LI.main);
  const { firstName, lastName } = splitName(name);

  let headline = '';
  if (topCard) {
    for (const el of textAfter(topCard, h1)) {
      const t = clean(el.textContent);
      if (t.startsWith('·') || t === name) continue;
      headline = t;
      break;
    }
  }
  if (!headline) headline = clean(meta(doc, 'meta[name="description"]').split(' · ')[0]);

  const company = currentCompany(doc, topCard);
  const loc = location(doc);
  const memberId = doc.querySelector(LI.memberId)?.getAttribute('data-member-id') ?? undefined;
  const img = [...(topCard?.querySelectorAll('img') ?? [])].find((i) => clean(i.getAttribute('alt')) === name);
  const photo = httpUrl(img?.getAttribute('src') ?? meta(doc, LI.ogImage), url);

  return {
    kind: 'person',
    name: cut(name, 200),
    firstName: cut(firstName, 200),
    lastName: cut(lastName, 200),
    headline: orUndefined(cut(headline, 500)),
    companyName: company.name ? cut(company.name, 200) : undefined,
    companyUrl: company.url,
    location: orUndefined(cut(loc, 200)),
    ...splitLocation(loc),
    profileUrl: profileUrl(page.slug),
    memberId: memberId && /^\d{1,20}$/.test(memberId) ? memberId : undefined,
    photoUrl: photo && new URL(photo).hostname.endsWith('licdn.com') ? photo : undefined,
  };
}

function aboutFacts(doc: Document): Record<'website' | 'industry' | 'size' | 'headquarters', string | undefined> {
  const facts = { website: undefined, industry: undefined, size: undefined, headquarters: undefined } as Record<string, string | undefined>;
  const dl = doc.querySelector(LI.aboutList);
  if (!dl) return facts as never;
  for (const dt of dl.querySelectorAll('dt')) {
    const label = clean(dt.textContent);
    let dd = dt.nextElementSibling;
    while (dd && dd.tagName !== 'DD') dd = dd.nextElementSibling;
    if (!dd) continue;
    if (LABELS.website.test(label)) facts.website = dd.querySelector('a')?.getAttribute('href') ?? clean(dd.textContent);
    else if (LABELS.industry.test(label)) facts.industry = clean(dd.textContent);
    else if (LABELS.size.test(label)) facts.size = clean(dd.textContent);
    else if (LABELS.headquarters.test(label)) facts.headquarters = clean(dd.textContent);
  }
  return facts as never;
}

export function extractCompany(doc: Document, url: string): LinkedInCompany | null {
  const page = linkedInPage(url);
  if (page?.kind !== 'company') return null;
  const h1 = doc.querySelector(LI.name);
  const name = clean(h1?.getAttribute('title')) || clean(h1?.textContent);
  if (!h1 || !name) return null;
  const topCard = h1.closest('section') ?? doc.querySelector(LI.main)!;
  const about = aboutFacts(doc);

  // the top card: tagline, then a list of short facts (industry, location, followers, size)
  const after = [...textAfter(topCard, h1)].map((el) => clean(el.textContent));
  const sizeLink = [...topCard.querySelectorAll('a')].map((a) => clean(a.textContent)).find((t) => LABELS.employees.test(t));
  const items = after.filter((t) => !LABELS.followers.test(t) && !LABELS.employees.test(t));
  const tagline = h1.parentElement?.querySelector(':scope > p') ? clean(h1.parentElement.querySelector(':scope > p')!.textContent) : undefined;
  const facts = items.filter((t) => t !== tagline);
  const industry = about.industry ?? facts.find((t) => !t.includes(','));
  const loc = about.headquarters ?? facts.find((t) => t.includes(','));
  const website =
    httpUrl(about.website, url) ??
    httpUrl(doc.querySelector(LI.websiteButton)?.getAttribute('href'), url);

  return {
    kind: 'company',
    name: cut(name, 200),
    industry: industry ? cut(industry, 200) : undefined,
    size: about.size ?? sizeLink ?? after.find((t) => LABELS.employees.test(t)),
    location: loc ? cut(loc, 200) : undefined,
    city: loc ? loc.split(',')[0]!.trim() : undefined,
    website,
    tagline: tagline ? cut(tagline, 500) : undefined,
    companyUrl: companyUrl(page.slug),
  };
}
