/**
 * Data LinkedIn embeds in its own pages, read as text (never by running page
 * code): JSON-LD on guest pages, the voyager API responses in hidden <code>
 * "datalets" of the 2024-2025 logged-in pages, and the Next.js payload chunks
 * (`self.__next_f.push([1,"…"])`) of the 2026 pages. A page can also carry
 * other people (the viewer, "people also viewed"), so a person is only taken
 * when their public identifier is the slug of the page's URL.
 */
import { clean } from './text';

export interface EmbeddedPerson {
  name?: string;
  firstName?: string;
  lastName?: string;
  headline?: string;
  location?: string;
  memberId?: string;
  companyName?: string;
  companyUrl?: string;
  /** the guest page's JSON-LD describes this person: what it leaves out (an employer) they do not have */
  fromJsonLd?: boolean;
}

export interface EmbeddedCompany {
  name?: string;
  tagline?: string;
  website?: string;
  location?: string;
  city?: string;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? clean(v) || undefined : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** JSON-LD nodes of the page, flattened out of @graph. */
function ldNodes(doc: Document): Json[] {
  const out: Json[] = [];
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    for (const item of list(parse(s.textContent ?? ''))) {
      if (!obj(item)) continue;
      out.push(item);
      for (const g of list(item['@graph'])) if (obj(g)) out.push(g);
    }
  }
  return out;
}

const slugOf = (url: unknown) => {
  const m = typeof url === 'string' ? /\/in\/([^/?#]+)/.exec(url) : null;
  return m ? decodeURIComponent(m[1]!).toLowerCase() : undefined;
};

function fromJsonLd(doc: Document, slug: string): EmbeddedPerson | undefined {
  const p = ldNodes(doc).find((n) => n['@type'] === 'Person' && (slugOf(n.url) === slug || slugOf(n.sameAs) === slug));
  if (!p) return undefined;
  const address = obj(p.address) ? p.address : {};
  // worksFor lists current employers first; one with an end date is not current
  const work = list(p.worksFor).find((w) => obj(w) && !(obj(w.member) && w.member.endDate)) as Json | undefined;
  return {
    fromJsonLd: true,
    name: str(p.name),
    location: str(address.addressLocality),
    companyName: str(work?.name),
    companyUrl: str(work?.url),
  };
}

/** The voyager responses hidden in <code> elements, as parsed JSON. */
function datalets(doc: Document): Json[] {
  const out: Json[] = [];
  for (const code of doc.querySelectorAll('code')) {
    const text = code.textContent ?? '';
    if (text.length < 50 || !text.includes('"included"')) continue;
    const json = parse(text.trim());
    if (obj(json)) out.push(json);
  }
  return out;
}

function fromDatalets(doc: Document, slug: string): EmbeddedPerson | undefined {
  for (const json of datalets(doc)) {
    const included = list(json.included).filter(obj);
    const p = included.find(
      (e) => typeof e.$type === 'string' && /\.Profile$/.test(e.$type) && str(e.publicIdentifier)?.toLowerCase() === slug && str(e.firstName),
    );
    if (!p) continue;
    const geoUrn = obj(p.geoLocation) ? p.geoLocation['*geo'] : undefined;
    const geo = included.find((e) => e.entityUrn === geoUrn);
    const member = /urn:li:member:(\d+)/.exec(String(p.objectUrn ?? ''));
    return {
      firstName: str(p.firstName),
      lastName: str(p.lastName),
      name: [str(p.firstName), str(p.lastName)].filter(Boolean).join(' ') || undefined,
      headline: str(p.headline),
      location: str(geo?.defaultLocalizedName) ?? str(p.locationName),
      memberId: member?.[1],
    };
  }
  return undefined;
}

/** The Next.js flight payload of 2026 pages: the pushed strings, joined. */
function nextPayload(doc: Document): string {
  let out = '';
  for (const s of doc.querySelectorAll('script:not([src])')) {
    const text = s.textContent ?? '';
    if (!text.includes('__next_f')) continue;
    for (const m of text.matchAll(/__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g)) {
      const chunk = parse(m[1]!);
      if (typeof chunk === 'string') out += chunk;
    }
  }
  return out;
}

/** The JSON string value of `key` in a payload window, or undefined. */
function field(window: string, key: string): string | undefined {
  const m = new RegExp(`"${key}":("(?:[^"\\\\]|\\\\.)*")`).exec(window);
  const v = m ? parse(m[1]!) : undefined;
  return typeof v === 'string' ? clean(v) || undefined : undefined;
}

function fromNextPayload(doc: Document, slug: string): EmbeddedPerson | undefined {
  const payload = nextPayload(doc);
  if (!payload) return undefined;
  for (const m of payload.matchAll(/"(?:vanityName|publicIdentifier)":"([^"]+)"/g)) {
    if (m[1]!.toLowerCase() !== slug) continue;
    // the person's own object sits around their identifier; look no further than its neighbours
    const at = m.index!;
    const window = payload.slice(Math.max(0, at - 1500), at + 1500);
    const firstName = field(window, 'firstName');
    const lastName = field(window, 'lastName');
    if (!firstName) continue;
    const member = /"memberId":"?(\d{1,20})/.exec(window);
    return {
      firstName,
      lastName,
      name: [firstName, lastName].filter(Boolean).join(' '),
      headline: field(window, 'headline'),
      memberId: member?.[1],
    };
  }
  return undefined;
}

/** Everything the page embeds about the person at `slug`, the more exact sources first. */
export function embeddedPerson(doc: Document, slug: string): EmbeddedPerson {
  const parts = [fromDatalets(doc, slug), fromNextPayload(doc, slug), fromJsonLd(doc, slug)].filter(Boolean) as EmbeddedPerson[];
  const out: EmbeddedPerson = {};
  for (const p of parts) for (const [k, v] of Object.entries(p)) if (v && !(k in out)) (out as Record<string, unknown>)[k] = v;
  return out;
}

export function embeddedCompany(doc: Document): EmbeddedCompany {
  const org = ldNodes(doc).find((n) => n['@type'] === 'Organization');
  if (!org) return {};
  const address = obj(org.address) ? org.address : {};
  const place = [str(address.addressLocality), str(address.addressRegion)].filter(Boolean).join(', ');
  return {
    name: str(org.name),
    tagline: str(org.slogan),
    website: list(org.sameAs)
      .map(str)
      .find((u) => u && !/linkedin\.com/.test(u)),
    location: place || undefined,
    city: str(address.addressLocality),
  };
}
