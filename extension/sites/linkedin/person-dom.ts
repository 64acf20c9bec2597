/**
 * A person's fields read from the DOM by meaning: the top card's heading
 * whatever its level, the blocks after it, the "Contact info" row, the
 * current-company entry, and the Experience entry marked Present.
 */
import { normalizeCompanyHref } from './pages';
import { LABELS, LI } from './selectors';
import { clean, textBlocks, unseen } from './text';
import { PRESENT_RANGE, isUiText, validCompany, validHeadline } from './validate';

export interface DomPerson {
  name?: string;
  headline?: string;
  location?: string;
  companyName?: string;
  companyUrl?: string;
  memberId?: string;
  photoUrl?: string;
  layout: string;
}

const linksToProfile = (a: Element, slug: string) => {
  const m = /\/in\/([^/?#]+)/.exec(a.getAttribute('href') ?? '');
  if (!m) return false;
  try {
    return decodeURIComponent(m[1]!).toLowerCase() === slug;
  } catch {
    return false;
  }
};

/** The profile's own heading: inside a link to this profile, else the <h1> of <main>, else one that names the person. */
export function nameHeading(doc: Document, slug: string, nameHint?: string): Element | undefined {
  const main = doc.querySelector(LI.main) ?? doc.body;
  if (!main) return undefined;
  const headings = [...main.querySelectorAll(LI.headings)].filter((h) => clean(h.textContent) && !unseen(h));
  const inOwnLink = headings.find((h) => {
    const a = h.closest('a');
    return a && linksToProfile(a, slug);
  });
  const hint = clean(nameHint).toLowerCase();
  const named = hint ? headings.find((h) => clean(h.textContent).toLowerCase() === hint) : undefined;
  // 2026: the first heading of the profile's top card (componentkey "…profile.card…Topcard")
  const topCard = headings.find((h) => h.closest(LI.sduiTopCard));
  return inOwnLink ?? headings.find((h) => h.tagName === 'H1') ?? named ?? topCard;
}

function contactRowLocation(root: Element, name: string): string | undefined {
  // "Contact info" by its words; else the contact-info link that has words (2026 wraps the name and a bell icon in it too)
  const byText = [...root.querySelectorAll('a, span, button, p')].filter((e) => LI.contactInfoText.test(clean(e.textContent)));
  const anchors = byText.length ? byText : [...root.querySelectorAll(LI.contactInfoLink)].filter((e) => clean(e.textContent) && !e.querySelector(LI.headings));
  for (const anchor of anchors) {
    // the row around the link: its first words that are not the link itself. A row that
    // holds the name or more than a place is no longer the contact row: no location shown.
    let row = anchor.parentElement;
    for (let depth = 0; row && row !== root && depth < 4; depth++, row = row.parentElement) {
      if (row.querySelector(LI.headings)) break;
      const blocks = textBlocks(row).filter((t) => t !== '·' && !LI.contactInfoText.test(t));
      if (!blocks.length) continue;
      const t = blocks[0]!;
      if (blocks.length > 2 || t === name || t.length > 120 || /\d{2,}/.test(t) || isUiText(t)) break;
      return t;
    }
  }
  return undefined;
}

/** "Current company: Acme BV" buttons (2024), icon entries (2026), the guest top card's link. */
function topCardCompany(card: Element): { name?: string; url?: string } {
  for (const b of card.querySelectorAll(LI.labelledButtons)) {
    const m = LABELS.currentCompany.exec(clean(b.getAttribute('aria-label')));
    if (m && validCompany(m[2])) return { name: clean(m[2]) };
  }
  for (const b of card.querySelectorAll(LI.roleButtons)) {
    if (!b.querySelector(LI.companyIcon)) continue;
    const name = clean(b.getAttribute('aria-label')) || textBlocks(b)[0];
    if (validCompany(name)) return { name, url: linkOf(b) };
  }
  const guest = card.querySelector(LI.guestCurrentCompany);
  if (guest && validCompany(clean(guest.textContent))) return { name: clean(guest.textContent), url: linkOf(guest) };
  return {};
}

function linkOf(el: Element): string | undefined {
  const a = el.matches(LI.companyLink) ? el : (el.closest(LI.companyLink) ?? el.querySelector(LI.companyLink));
  return a ? normalizeCompanyHref(a.getAttribute('href') ?? '', 'https://www.linkedin.com/') : undefined;
}

/** The Experience section: by its heading's words, or the anchor LinkedIn puts before it. */
function experienceSection(doc: Document): Element | undefined {
  const anchor = doc.getElementById('experience');
  if (anchor) return anchor.closest('section') ?? anchor.parentElement ?? undefined;
  for (const h of doc.querySelectorAll('h2, h3')) {
    const words = clean(h.querySelector('[aria-hidden="true"]')?.textContent ?? h.textContent);
    if (LABELS.experience.test(words)) return h.closest('section') ?? undefined;
  }
  return undefined;
}

/** The first Experience entry whose dates run to Present/Heden: its company and that company's page. */
export function presentEmployer(doc: Document): { name?: string; url?: string } {
  const section = experienceSection(doc);
  if (!section) return {};
  const entries = [...section.querySelectorAll('li')].filter((li) => !li.parentElement?.closest('li'));
  for (const entry of entries) {
    const blocks = textBlocks(entry);
    const dateAt = blocks.findIndex((t) => PRESENT_RANGE.test(t));
    if (dateAt < 0) continue;
    const url = linkOf(entry);
    const logo = [...entry.querySelectorAll('img[alt]')].map((i) => LABELS.logo.exec(clean(i.getAttribute('alt')))).find(Boolean);
    const grouped = [...entry.querySelectorAll('li')].some((li) => PRESENT_RANGE.test(clean(li.textContent)));
    // grouped roles start with the company; a single role reads "Title", "Company · Full-time", "dates"
    const line = grouped ? blocks[0] : dateAt >= 2 ? blocks[dateAt - 1]!.split(' · ')[0] : undefined;
    const name = [logo?.[1] ?? logo?.[2], line].map((s) => clean(s)).find((s) => validCompany(s));
    if (name) return { name, url };
  }
  return {};
}

/** The headline in the 2026 sticky mini header: the words after the name in the link to the profile. */
function stickyHeadline(doc: Document, slug: string, name?: string): string | undefined {
  for (const bar of doc.querySelectorAll(LI.stickyHeader)) {
    for (const a of bar.querySelectorAll('a[href*="/in/"]')) {
      if (!linksToProfile(a, slug)) continue;
      const blocks = textBlocks(a);
      const at = name ? blocks.indexOf(name) : 0;
      const next = blocks[at + 1];
      if (at >= 0 && validHeadline(next, name)) return next;
    }
  }
  return undefined;
}

export function domPerson(doc: Document, slug: string, nameHint?: string): DomPerson {
  const heading = nameHeading(doc, slug, nameHint);
  const main = doc.querySelector(LI.main) ?? doc.body;
  const layout = !heading
    ? 'unknown'
    : heading.tagName === 'H2'
      ? 'sdui-2026'
      : doc.querySelector('.top-card-layout, [data-tracking-control-name^="public_profile"]')
        ? 'guest'
        : doc.querySelector('code[id^="bpr-guid"]')
          ? 'ember'
          : 'classic';
  if (!heading || !main) return { layout };
  const name = clean(heading.textContent);
  const card = heading.closest('section') ?? main;
  const location = contactRowLocation(card, name) ?? contactRowLocation(main, name);
  const headline =
    textBlocks(card, heading).find((t) => !t.startsWith('·') && t !== location && validHeadline(t, name) && !/^\(.*\)$/.test(t)) ??
    stickyHeadline(doc, slug, name);
  const fromCard = topCardCompany(card);
  const memberId = (heading.closest(LI.memberId) ?? doc.querySelector(`${LI.main} ${LI.memberId}`))?.getAttribute('data-member-id') ?? undefined;
  const img = [...card.querySelectorAll('img')].find((i) => clean(i.getAttribute('alt')) === name || clean(i.getAttribute('title')) === name);
  return {
    layout,
    name,
    headline,
    location,
    companyName: fromCard.name,
    companyUrl: fromCard.url,
    memberId: memberId && /^\d{1,20}$/.test(memberId) ? memberId : undefined,
    photoUrl: img?.getAttribute('src') ?? undefined,
  };
}
