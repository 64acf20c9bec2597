/**
 * Every LinkedIn selector, in one place. Prefer stable anchors (main h1, the
 * contact-info link, aria-labels, og: meta); add a new variant beside the old
 * one with a dated note when LinkedIn changes its markup.
 */
export const LI = {
  main: 'main',
  name: 'main h1',
  /** 2024 classic layout: the top card carries the member id */
  memberId: 'main [data-member-id]',
  /** 2024: "Current company: Acme BV. Click to skip…" (nl: "Huidig bedrijf: …") */
  currentCompanyButton: 'main button[aria-label]',
  /** 2026 generated classes: role=button entries with a company icon */
  companyEntry: 'main [role="button"][aria-label]',
  companyIcon: 'svg[id^="company"]',
  companyLink: 'main a[href*="/company/"]',
  contactInfoLink: 'main a[href*="/overlay/contact-info"]',
  /** company pages: the About overview list, and the top card's website button */
  aboutList: 'main dl',
  websiteButton: 'main a[data-control-name="top_card_link_website"]',
  canonical: 'link[rel="canonical"]',
  ogTitle: 'meta[property="og:title"]',
  ogImage: 'meta[property="og:image"]',
  ogDescription: 'meta[property="og:description"]',
} as const;

/** Labels of the top card and About list, in English and Dutch. */
export const LABELS = {
  currentCompany: /^(current company|huidig bedrijf|huidige werkgever)\s*:\s*(.+?)(\.\s|$)/i,
  website: /^(website)$/i,
  industry: /^(industry|branche|sector)$/i,
  size: /^(company size|bedrijfsgrootte|grootte)$/i,
  headquarters: /^(headquarters|hoofdkantoor|hoofdvestiging)$/i,
  followers: /(followers|volgers)\b/i,
  employees: /(employees|medewerkers|werknemers)\b/i,
};
