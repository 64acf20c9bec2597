/**
 * Follows a single-page app: re-extracts the page on in-app navigation and
 * on DOM changes, and reports each new page once. WXT's wxt:locationchange
 * fires before the new content is in place, so after a navigation a page
 * that still shows the previous content is not reported until it changes
 * (or a grace period passes, for two pages that really look the same).
 */
import type { ContentScriptContext } from '#imports';

export interface WatchOptions<T> {
  extract: () => T | null;
  /** identifies a page: the same key is the same page */
  keyOf: (page: T) => string;
  /** the visible content a stale page would still show (e.g. the profile name) */
  contentOf: (page: T) => string;
  onPage: (page: T | null) => void;
  /** when a page still gives nothing, look again once after this long (the extractor may then settle for less) */
  retryEmptyMs?: number;
}

const DEBOUNCE_MS = 150;
const STALE_GRACE_MS = 2500;

export function watchPage<T>(ctx: ContentScriptContext, o: WatchOptions<T>) {
  let lastKey: string | null | undefined;
  let lastContent = '';
  let navigatedAt = 0;
  let contentBeforeNav = '';
  let timer: number | undefined;
  let retriedFor = '';

  const check = () => {
    timer = undefined;
    const page = o.extract();
    const key = page ? o.keyOf(page) : null;
    if (!page && o.retryEmptyMs && retriedFor !== location.href) {
      // nothing changes on a page that never renders what we look for: look once more by the clock
      retriedFor = location.href;
      ctx.setTimeout(check, o.retryEmptyMs);
    }
    if (page && navigatedAt && o.contentOf(page) === contentBeforeNav && Date.now() - navigatedAt < STALE_GRACE_MS) {
      schedule(DEBOUNCE_MS * 2);
      return;
    }
    if (key === lastKey) return;
    lastKey = key;
    lastContent = page ? o.contentOf(page) : '';
    o.onPage(page);
  };
  const schedule = (ms = DEBOUNCE_MS) => {
    if (timer === undefined) timer = ctx.setTimeout(check, ms);
  };

  ctx.addEventListener(window, 'wxt:locationchange', () => {
    navigatedAt = Date.now();
    contentBeforeNav = lastContent;
    // the user has left this page: take its sidebar away until the next one has rendered
    if (lastKey) {
      lastKey = null;
      o.onPage(null);
    }
    schedule();
  });
  const observer = new MutationObserver(() => schedule());
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => observer.disconnect());
  check();
}
