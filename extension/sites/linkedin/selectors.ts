/**
 * Every LinkedIn selector, in one place. Prefer anchors by meaning (landmarks,
 * headings, links to the profile itself, aria-labels, icons' ids, og: meta)
 * over generated class names; add a new variant beside the old one with a
 * dated note when LinkedIn changes its markup.
 */
export const LI = {
  main: 'main',
  /** the profile's name: 2024-2025 an <h1>; 2026 SDUI an <h2> inside a link to the profile itself */
  headings: 'h1, h2',
  /** 2026 SDUI: the profile's first card */
  sduiTopCard: 'section[componentkey*="topcard" i], section[componentkey*="profile.card" i]',
  /** 2024 classic layout: the top card carries the member id */
  memberId: '[data-member-id]',
  /** 2024: "Current company: Acme BV. Click to skip…" (nl: "Huidig bedrijf: …") */
  labelledButtons: 'button[aria-label], [role="button"][aria-label]',
  /** 2026 SDUI (and the 2026 stand-in): role=button entries with a company icon, with or without aria-label */
  roleButtons: '[role="button"]',
  companyIcon: 'svg[id^="company"], li-icon[type*="company"]',
  /** 2024 guest profile: the top card's current-company link */
  guestCurrentCompany: 'a[data-tracking-control-name*="current-company"], a[data-tracking-control-name*="current_company"]',
  companyLink: 'a[href*="/company/"]',
  contactInfoLink: 'a[href*="/overlay/contact-info"]',
  /** "Contact info" as a link, a button or a span (guest pages), in English and Dutch */
  contactInfoText:
    /^(contact info|contactgegevens|contactinformatie|contact|kontaktinfo(rmationen)?|coordonnées|informations de contact|información de contacto|datos de contacto)$/i,
  /** the 2026 sticky mini header before <main>: a link to the profile with the name and headline */
  stickyHeader: '[role="toolbar"]',
  /** company pages: the About overview list, and the top card's website button */
  aboutList: 'dl',
  websiteButton: 'a[data-control-name="top_card_link_website"]',
  ogTitle: 'meta[property="og:title"]',
  ogImage: 'meta[property="og:image"]',
} as const;

/** Labels of the top card, Experience and About list, in English and Dutch. */
export const LABELS = {
  currentCompany: /^(current company|huidig bedrijf|huidige werkgever|aktuelles unternehmen|entreprise actuelle|empresa actual)\s*:\s*(.+?)(\.\s|$)/i,
  experience: /^(experience|ervaring|werkervaring|berufserfahrung|expérience|experiencia)$/i,
  website: /^(website|webpagina)$/i,
  industry: /^(industry|branche|sector)$/i,
  size: /^(company size|bedrijfsgrootte|grootte|omvang)$/i,
  headquarters: /^(headquarters|hoofdkantoor|hoofdvestiging)$/i,
  followers: /(followers|volgers)\b/i,
  employees: /(employees|medewerkers|werknemers)\b/i,
  visitWebsite: /^(visit website|website bezoeken|visit my website|bezoek (mijn )?website)$/i,
  logo: /^(?:logo (?:van |of )?(.+)|(.+?) logo)$/i,
};
