/** Which LinkedIn page is this, from its URL alone, and the normalised URLs we store. */
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
  const u = typeof url === 'string' ? new URL(url) : url;
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
