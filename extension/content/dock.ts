/**
 * Beside, not on top: while the sidebar is open the page's layout narrows by
 * its width, so every control of LinkedIn and Gmail stays visible and
 * clickable. The root gets a right margin (the page's own content reflows),
 * and fixed elements that reach into the sidebar's strip (a top bar, a
 * message dock, a side panel) are moved or narrowed by the same width. All
 * put back when the sidebar goes.
 */
import type { ContentScriptContext } from '#imports';

const MAX_DEPTH = 6;
const MAX_ELEMENTS = 1500;
const THROTTLE_MS = 300;

type Saved = { right: string; width: string; prio: [string, string] };

export function createDock(ctx: ContentScriptContext, isOurs: (el: Element) => boolean) {
  let width = 0;
  const moved = new Map<HTMLElement, Saved>();
  let timer: number | undefined;

  /** Elements near the top of the tree: where sites put their fixed bars and panels. */
  function* candidates(): Generator<HTMLElement> {
    let count = 0;
    const walk = function* (el: Element, depth: number): Generator<HTMLElement> {
      for (const child of el.children) {
        if (++count > MAX_ELEMENTS || isOurs(child)) continue;
        if (child instanceof HTMLElement) yield child;
        if (depth < MAX_DEPTH) yield* walk(child, depth + 1);
      }
    };
    if (document.body) yield* walk(document.body, 1);
  }

  const restore = (el: HTMLElement, s: Saved) => {
    el.style.setProperty('right', s.right, s.prio[0]);
    el.style.setProperty('width', s.width, s.prio[1]);
  };

  function apply() {
    timer = undefined;
    const root = document.documentElement;
    if (!width) {
      root.style.removeProperty('margin-right');
      for (const [el, s] of moved) restore(el, s);
      moved.clear();
      return;
    }
    root.style.setProperty('margin-right', `${width}px`, 'important');
    const edge = window.innerWidth - width;
    for (const el of candidates()) {
      if (moved.has(el)) continue;
      const cs = getComputedStyle(el);
      if (cs.position !== 'fixed') continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.right <= edge + 1) continue;
      const saved: Saved = {
        right: el.style.getPropertyValue('right'),
        width: el.style.getPropertyValue('width'),
        prio: [el.style.getPropertyPriority('right'), el.style.getPropertyPriority('width')],
      };
      moved.set(el, saved);
      if (rect.left <= 1) {
        // spans from the left edge (a top bar): narrower by the sidebar's width
        el.style.setProperty('width', `${Math.max(0, Math.min(rect.width, edge - rect.left))}px`, 'important');
      } else {
        // anchored at the right (a dock, a panel): moved left by the sidebar's width
        const right = parseFloat(cs.right);
        el.style.setProperty('right', `${(Number.isFinite(right) ? right : 0) + width}px`, 'important');
      }
    }
  }

  const schedule = () => {
    if (timer === undefined) timer = ctx.setTimeout(apply, THROTTLE_MS);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(document.documentElement, { childList: true, subtree: true });
  ctx.addEventListener(window, 'resize', () => {
    for (const [el, s] of moved) restore(el, s);
    moved.clear();
    schedule();
  });
  ctx.onInvalidated(() => {
    observer.disconnect();
    width = 0;
    apply();
  });

  return {
    /** the sidebar's current width (0 when it is gone) */
    set(px: number) {
      if (px === width) return;
      width = px;
      for (const [el, s] of moved) restore(el, s);
      moved.clear();
      apply();
    },
  };
}
