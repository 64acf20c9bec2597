/** A company page's fields from the DOM: the top card, its short facts, and the About list. */
import { LABELS, LI } from './selectors';
import { clean, httpUrl, textBlocks } from './text';

export interface DomCompany {
  name?: string;
  tagline?: string;
  industry?: string;
  size?: string;
  location?: string;
  website?: string;
}

type Facts = Partial<Record<'website' | 'industry' | 'size' | 'headquarters', string>>;

function aboutFacts(root: Element, base: string): Facts {
  const facts: Facts = {};
  for (const dl of root.querySelectorAll(LI.aboutList)) {
    for (const dt of dl.querySelectorAll('dt')) {
      const label = clean(dt.textContent);
      let dd = dt.nextElementSibling;
      while (dd && dd.tagName !== 'DD') dd = dd.nextElementSibling;
      if (!dd) continue;
      if (LABELS.website.test(label)) facts.website ??= httpUrl(dd.querySelector('a')?.getAttribute('href') ?? clean(dd.textContent), base);
      else if (LABELS.industry.test(label)) facts.industry ??= clean(dd.textContent);
      else if (LABELS.size.test(label)) facts.size ??= clean(dd.textContent);
      else if (LABELS.headquarters.test(label)) facts.headquarters ??= clean(dd.textContent);
    }
  }
  return facts;
}

/** A "Visit website" button or a link showing an address: the company's site, without LinkedIn's redirect or a sub-page. */
function websiteLink(root: Element, base: string): string | undefined {
  for (const a of root.querySelectorAll('a[href]')) {
    const text = clean(a.textContent);
    if (!a.matches(LI.websiteButton) && !LABELS.visitWebsite.test(text) && !/^(https?:\/\/|www\.)\S+$/i.test(text)) continue;
    const href = httpUrl(a.getAttribute('href'), base);
    if (!href) continue;
    const u = new URL(href);
    if (/(^|\.)linkedin\.com$/.test(u.hostname)) continue;
    // a careers or campaign page behind "Visit website" stands for the site itself
    return u.pathname === '/' && !u.search ? href : u.origin;
  }
  return undefined;
}

export function domCompany(doc: Document, url: string): DomCompany {
  const main = doc.querySelector(LI.main) ?? doc.body;
  if (!main) return {};
  const h1 = main.querySelector('h1');
  // a logged-in 2026 page labels <main> "Organization page for X"
  const labelled = /^(?:organization page for|organisatiepagina (?:voor|van))\s+(.+)$/i.exec(clean(main.getAttribute('aria-label')))?.[1];
  const name = clean(h1?.getAttribute('title')) || clean(h1?.textContent) || labelled;
  const about = aboutFacts(main, url);
  const out: DomCompany = { name: name || undefined, website: about.website, industry: about.industry, size: about.size, location: about.headquarters };
  if (!h1) return { ...out, website: out.website ?? websiteLink(main, url) };

  const card = h1.closest('section') ?? main;
  // 2024-2026 logged in: a <p> beside the name; guest pages: the second subline
  const tagline = clean(h1.parentElement?.querySelector(':scope > p')?.textContent) || clean(card.querySelector('h4')?.textContent) || undefined;
  const facts = textBlocks(card, h1)
    .flatMap((t) => t.split(' · '))
    .map((t) => clean(t))
    .filter((t) => t && t !== tagline);
  const size = facts.find((t) => LABELS.employees.test(t));
  const rest = facts.filter((t) => !LABELS.followers.test(t) && !LABELS.employees.test(t) && t.length <= 120 && !/^\d/.test(t));
  // the top card reads industry, place, followers, employees; a place may be one word ("Amsterdam")
  const industry = rest[0] && !rest[0].includes(',') ? rest[0] : undefined;
  return {
    ...out,
    tagline,
    industry: out.industry ?? industry,
    location: out.location ?? rest.find((t) => t.includes(',')) ?? rest.find((t) => t !== industry),
    size: out.size ?? size,
    website: out.website ?? websiteLink(card, url),
  };
}
