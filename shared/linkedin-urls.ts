/**
 * LinkedIn URLs as stored and looked up: a profile as
 * `https://www.linkedin.com/in/<slug>` and a company as
 * `https://www.linkedin.com/company/<slug>` — no country subdomain, sub-page,
 * trailing slash or query; the slug lower-cased and percent-decoded. The
 * extension and the server both normalise with these, so a page opened at
 * nl.linkedin.com finds what was captured at www.linkedin.com.
 */
export type LinkedInPageRef = { kind: 'person'; slug: string } | { kind: 'company'; slug: string };

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

export function isLinkedInHost(host: string): boolean {
  return host === 'linkedin.com' || host.endsWith('.linkedin.com');
}

export function linkedInPage(url: URL | string): LinkedInPageRef | null {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  if (!isLinkedInHost(u.hostname)) return null;
  const [section, slug] = u.pathname.split('/').filter(Boolean);
  if (!slug) return null;
  if (section === 'in') return { kind: 'person', slug: decode(slug).toLowerCase() };
  if (section === 'company' || section === 'school' || section === 'showcase') {
    return { kind: 'company', slug: decode(slug).toLowerCase() };
  }
  return null;
}

export const profileUrl = (slug: string) => `https://www.linkedin.com/in/${slug}`;
export const companyUrl = (slug: string) => `https://www.linkedin.com/company/${slug}`;

/** A LinkedIn company link as stored: no country subdomain, sub-page, slash or query. */
export function normalizeCompanyHref(href: string, base: string): string | undefined {
  try {
    const ref = linkedInPage(new URL(href, base));
    return ref?.kind === 'company' ? companyUrl(ref.slug) : undefined;
  } catch {
    return undefined;
  }
}

/** Any profile URL (country host, slash, query, sub-page) as stored; other input unchanged. */
export function normalizeProfileUrl(url: string): string {
  const ref = linkedInPage(url);
  return ref?.kind === 'person' ? profileUrl(ref.slug) : url;
}

/** Any company URL as stored; other input unchanged. */
export function normalizeCompanyUrl(url: string): string {
  const ref = linkedInPage(url);
  return ref?.kind === 'company' ? companyUrl(ref.slug) : url;
}
