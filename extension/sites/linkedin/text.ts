/** Reading text off a LinkedIn page: whitespace folded, hidden and decorative parts left out. */

export const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
export const cut = (s: string, max: number) => (s.length > max ? s.slice(0, max).trim() : s);

/**
 * Parts of a page a reader does not see as content: sign-in dialogs hidden
 * until opened (guest pages put one right after the name), media players,
 * scripts and LinkedIn's hidden JSON. (Buttons stay: a guest page's name is
 * one; their labels are caught as interface text by validate.ts.)
 */
const UNSEEN =
  'script, style, template, code, noscript, dialog, [role="dialog"], [aria-modal="true"], [hidden], [role="region"][aria-label*="Player" i], [data-vjs-player], [role="slider"], svg, select';

export function unseen(el: Element): boolean {
  if (el.closest(UNSEEN)) return true;
  for (let e: Element | null = el; e; e = e.parentElement) {
    const style = (e as HTMLElement).style;
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return true;
  }
  return false;
}

/** A text element: its own text nodes carry the words (not only its children's). */
const ownText = (el: Element) => {
  let s = '';
  for (const n of el.childNodes) if (n.nodeType === 3) s += n.textContent;
  return clean(s);
};

/**
 * The visible text blocks inside `root`, in document order, each the nearest
 * element around some words; only those after `start` when given. LinkedIn
 * doubles text for screen readers (an aria-hidden copy beside a hidden one):
 * a block equal to the one before it is left out.
 */
export function textBlocks(root: Element, start?: Element): string[] {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 1 /* SHOW_ELEMENT */);
  if (start) walker.currentNode = start;
  const out: string[] = [];
  let node: Node | null;
  while ((node = walker.nextNode())) {
    const el = node as Element;
    if (start?.contains(el)) continue;
    if (!ownText(el) || unseen(el)) continue;
    // a block is the innermost element whose whole text is its own words plus inline markup
    const block = el.closest('p, li, h1, h2, h3, h4, h5, h6, dd, dt, div, span') ?? el;
    const text = clean(block.textContent);
    if (text && out[out.length - 1] !== text) out.push(text);
    // the rest of this block's subtree is in `text` already
    if (block !== root && root.contains(block)) walker.currentNode = lastDescendant(block);
  }
  return out;
}

function lastDescendant(el: Element): Element {
  let e = el;
  while (e.lastElementChild) e = e.lastElementChild;
  return e;
}

/**
 * An absolute http(s) URL, or undefined; kept as the page wrote it
 * ("http://www.bakkerij-oost.example", no slash added) when it was absolute.
 * LinkedIn's redirect links give the address they lead to.
 */
export function httpUrl(href: string | null | undefined, base: string): string | undefined {
  let raw = clean(href);
  if (!raw) return undefined;
  try {
    let u = new URL(raw, base);
    if (/(^|\.)linkedin\.com$/.test(u.hostname) && /^\/(redir\/redirect|safety\/go)\/?$/.test(u.pathname)) {
      raw = clean(u.searchParams.get('url'));
      if (!raw) return undefined;
      u = new URL(raw);
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    return /^https?:\/\/\S+$/i.test(raw) && raw.length <= 2000 ? raw : u.href;
  } catch {
    return undefined;
  }
}
