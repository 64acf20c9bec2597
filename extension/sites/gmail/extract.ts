/**
 * The Gmail extractor: a pure function of a Document and its URL. Gmail keeps
 * earlier views in the page, hidden, so only the visible main view counts.
 */
import type { GmailMessage, GmailThread, Person } from '../../../shared/schemas';
import { gmailView } from './pages';
import { CC_MARK, GM } from './selectors';
import { domainOf } from '../../../shared/email';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const SNIPPET_MAX = 300;

/** Hidden by itself or by an ancestor: display none, the hidden attribute, or aria-hidden views. */
function isHidden(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  for (let e: Element | null = el; e; e = e.parentElement) {
    if ((e as HTMLElement).hidden) return true;
    const style = (e as HTMLElement).style;
    if (style?.display === 'none' || style?.visibility === 'hidden') return true;
    if (view && view.getComputedStyle(e).display === 'none') return true;
  }
  return false;
}

export function signedInUser(doc: Document): string | null {
  for (const a of doc.querySelectorAll(GM.accountButton)) {
    const m = EMAIL.exec(a.getAttribute('aria-label') ?? '');
    if (m) return m[0].toLowerCase();
  }
  const m = EMAIL.exec(doc.title);
  return m ? m[0].toLowerCase() : null;
}

const personOf = (el: Element): Person => ({
  email: (el.getAttribute('email') ?? '').toLowerCase(),
  name: clean(el.getAttribute('name')) || clean(el.textContent),
});

/** Send time from the hex message id: milliseconds since 1970 in its upper bits (id >> 20). */
export function timeFromMessageId(id: string): number | null {
  try {
    const ms = Number(BigInt(`0x${id}`) >> 20n);
    return ms > Date.UTC(2004, 0, 1) && ms < Date.now() + 86_400_000 ? ms : null;
  } catch {
    return null;
  }
}

function recipients(message: Element): { to: Person[]; cc: Person[] } {
  const to: Person[] = [];
  const cc: Person[] = [];
  const line = message.querySelector(GM.recipients);
  if (!line) return { to, cc };
  let inCc = false;
  const walker = line.ownerDocument.createTreeWalker(line, 1 | 4 /* elements and text */);
  let node: Node | null;
  while ((node = walker.nextNode())) {
    if (node.nodeType === 3) {
      if (CC_MARK.test(node.textContent ?? '') && !node.parentElement?.closest(GM.person)) inCc = true;
    } else if ((node as Element).hasAttribute('email')) {
      (inCc ? cc : to).push(personOf(node as Element));
    }
  }
  return { to, cc };
}

function snippet(message: Element): string {
  const body = message.querySelector(GM.body);
  if (!body) return '';
  const copy = body.cloneNode(true) as Element;
  for (const q of copy.querySelectorAll(GM.quote)) q.remove();
  for (const br of copy.querySelectorAll('br')) br.replaceWith(' ');
  return clean(copy.textContent).slice(0, SNIPPET_MAX);
}

/** The open conversation in the visible view, or null when none is open. */
export function extractThread(doc: Document, url: string): GmailThread | null {
  if (!gmailView(url)) return null;
  const user = signedInUser(doc);
  if (!user) return null;
  const main = [...doc.querySelectorAll(GM.main)].find((m) => !isHidden(m) && m.querySelector(GM.thread));
  const heading = main?.querySelector(GM.thread);
  const threadId = heading?.getAttribute('data-legacy-thread-id') ?? '';
  if (!main || !/^[0-9a-f]{6,32}$/.test(threadId)) return null;
  const ownDomain = domainOf(user);
  const isOurs = (email: string) => email === user || domainOf(email) === ownDomain;

  const messages: GmailMessage[] = [];
  for (const el of main.querySelectorAll(GM.message)) {
    const id = el.getAttribute('data-legacy-message-id') ?? '';
    // a message not sent yet has no legacy id: leave it out until it is
    if (!/^[0-9a-f]{6,32}$/.test(id)) continue;
    const senderEl = el.querySelector(GM.sender);
    if (!senderEl) continue;
    const from = personOf(senderEl);
    const at = timeFromMessageId(id) ?? Date.parse(el.querySelector('.g3[title]')?.getAttribute('title') ?? '');
    messages.push({
      id,
      from,
      ...recipients(el),
      at: Number.isFinite(at) ? at : 0,
      snippet: snippet(el),
      direction: isOurs(from.email) ? 'out' : 'in',
    });
  }
  if (!messages.length) return null;
  messages.sort((a, b) => a.at - b.at);

  const external = new Map<string, Person>();
  for (const m of messages) {
    for (const p of [m.from, ...m.to, ...m.cc]) {
      if (!p.email || isOurs(p.email)) continue;
      const known = external.get(p.email);
      // the name from the sender header beats a short recipient label ("Jan")
      if (!known || (p.name.length > known.name.length && m.from.email === p.email)) external.set(p.email, p);
    }
  }
  return { user, threadId, subject: clean(heading!.textContent).slice(0, 500), messages, external: [...external.values()] };
}

const MAX_SENDERS = 50;

/** The people in the visible thread list (inbox, label, search), without the signed-in user: whose accounts to show beside it. */
export function visibleSenders(doc: Document): Person[] {
  const me = signedInUser(doc);
  const seen = new Map<string, Person>();
  for (const main of doc.querySelectorAll(GM.main)) {
    if (isHidden(main)) continue;
    for (const el of main.querySelectorAll(`${GM.listRow} ${GM.person}`)) {
      const p = personOf(el);
      if (!EMAIL.test(p.email) || p.email === me || seen.has(p.email)) continue;
      seen.set(p.email, p);
      if (seen.size >= MAX_SENDERS) return [...seen.values()];
    }
  }
  return [...seen.values()];
}
