/**
 * The channel between the content script and the sidebar frame it made, by
 * postMessage. It carries two things:
 * - the frame's one-time token, sent to the frame's window only and only at
 *   the extension's origin; never in the frame's URL, where the host page
 *   could read it (and load the same page in a frame of its own). The
 *   background then binds the token to the first frame that uses it.
 * - in browsers that cannot tell a frame whether it is really visible
 *   (Firefox has no IntersectionObserver v2), the frame's question "am I
 *   visible?" and the content script's answer. The answer carries the token:
 *   the host page sees the question but cannot forge the answer.
 */
import { browser } from 'wxt/browser';
import { ask } from './send';

const HELLO = 'phase-crm:hello';
const TOKEN = 'phase-crm:token';
const ASK_VISIBLE = 'phase-crm:visible?';
const VISIBLE = 'phase-crm:visible';
/** a frame that gets no token in this time was not made by our content script */
const WAIT_MS = 8_000;
/** no answer to "am I visible?" in this time counts as not visible */
const ANSWER_MS = 1_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * Content script: answers this iframe (and no other window): its hello with
 * the token, its visibility question with what `isVisible` finds.
 */
export function serveFrame(iframe: HTMLIFrameElement, token: string, isVisible: () => boolean): () => void {
  // Our pages' origin as the browser gives it to them: Chrome may load a web-accessible page at a
  // per-session dynamic URL yet give the document the extension's own origin, so both are ours. The
  // sender's origin comes from the browser (a page cannot claim one), and the answer goes to it only.
  const ours = new Set([new URL(browser.runtime.getURL('/')).origin, new URL(browser.runtime.getURL('/sidebar.html')).origin]);
  const onMessage = (e: MessageEvent) => {
    const frame = iframe.contentWindow;
    if (!frame || e.source !== frame || !ours.has(e.origin) || !isObject(e.data)) return;
    if (e.data.type === HELLO) frame.postMessage({ type: TOKEN, token }, e.origin);
    if (e.data.type === ASK_VISIBLE) frame.postMessage({ type: VISIBLE, token, id: e.data.id, visible: isVisible() }, e.origin);
  };
  window.addEventListener('message', onMessage);
  return () => window.removeEventListener('message', onMessage);
}

/** Sidebar frame: waits for a message from the parent window that `accept` takes. */
function fromParent<T>(accept: (data: Record<string, unknown>) => T | undefined, waitMs: number, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const done = (value: T) => {
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      resolve(value);
    };
    const onMessage = (e: MessageEvent) => {
      if (e.source !== window.parent || !isObject(e.data)) return;
      const value = accept(e.data);
      if (value !== undefined) done(value);
    };
    const timer = setTimeout(() => done(fallback), waitMs);
    window.addEventListener('message', onMessage);
  });
}

/**
 * Sidebar frame: asks its parent for the token. Null when none comes: a frame
 * the host page made itself. (The page could answer with a made-up token; the
 * background refuses that, as it refuses no token.)
 */
export function receiveToken(): Promise<string | null> {
  const answer = fromParent((d) => (d.type === TOKEN && typeof d.token === 'string' ? d.token : undefined), WAIT_MS, null);
  // no secret in the hello: any window may see it
  window.parent.postMessage({ type: HELLO }, '*');
  // a tab whose sidebar has its token already waits for no frame: this one the page made, and it says so at once
  const unexpected = ask({ type: 'sidebar:expected' }).then((r) => (r.ok && !r.data ? null : answer));
  return Promise.race([answer, unexpected]);
}

/** Sidebar frame: asks the content script whether the page shows this frame unobscured. */
export function askVisible(token: string): Promise<boolean> {
  const id = crypto.randomUUID();
  const answer = fromParent((d) => (d.type === VISIBLE && d.id === id && d.token === token ? d.visible === true : undefined), ANSWER_MS, false);
  window.parent.postMessage({ type: ASK_VISIBLE, id }, '*');
  return answer;
}
