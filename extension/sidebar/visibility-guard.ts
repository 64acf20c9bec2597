/**
 * Clicks count only while the sidebar is really visible to the user. A
 * hostile page can make the frame transparent, filter it away, or lay a decoy
 * over it that lets clicks through (clickjacking): the user thinks they click
 * the page and capture someone instead. A click on a control not known to be
 * visible is stopped before any handler runs, and replayed once a judge says
 * it is visible; otherwise the user is told (onBlocked).
 *
 * The judge: IntersectionObserver v2 (`trackVisibility`, Chrome) tells, per
 * control, whether it is unobscured and drawn without opacity, filters or
 * transforms by any ancestor, in this frame and in the page around it.
 * Reports come only on change and at most every 100 ms, so a control that
 * has just appeared or just scrolled into view may not be reported yet: such
 * a click waits a moment for a fresh report. A page that keeps the sidebar
 * covered sends no fresh report, and the click is refused. Where the browser
 * has no v2 (Firefox), the content script looks at the page at click time
 * (content/unobscured.ts), asked over the frame channel.
 */
const CONTROLS = 'button, a[href], input, select, textarea, [role="button"]';
const FRESH_REPORT_MS = 600;

type Entry = IntersectionObserverEntry & { isVisible?: boolean };

interface Judge {
  /** known visible now: the click goes through untouched */
  now(control: Element): boolean;
  /** asked after the click was stopped: replay it? */
  fresh(control: Element): Promise<boolean>;
}

const hasVisibilityObserver = () => typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;

function observerJudge(doc: Document): Judge {
  const visible = new WeakMap<Element, boolean>();
  const waiting = new Map<Element, () => void>();
  const io = new IntersectionObserver(
    (entries) => {
      for (const e of entries as Entry[]) {
        visible.set(e.target, e.isVisible === true);
        // the judgement shows on the control itself (inside the frame, where the page's scripts cannot look), so
        // that a check from outside knows when the guard has seen a change instead of guessing at its delay
        e.target.toggleAttribute('data-unseen', e.isVisible !== true);
        waiting.get(e.target)?.();
      }
    },
    // delay ≥ 100 ms is required for trackVisibility
    { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
  );
  const observed = new WeakSet<Element>();
  const observeAll = () => {
    for (const el of doc.querySelectorAll(CONTROLS)) {
      if (!observed.has(el)) {
        observed.add(el);
        io.observe(el);
      }
    }
  };
  new MutationObserver(observeAll).observe(doc.documentElement, { childList: true, subtree: true });
  observeAll();
  return {
    now: (control) => visible.get(control) === true,
    fresh: (control) =>
      new Promise((resolve) => {
        const settle = () => {
          clearTimeout(timer);
          waiting.delete(control);
          resolve(visible.get(control) === true);
        };
        const timer = setTimeout(settle, FRESH_REPORT_MS);
        waiting.set(control, settle);
      }),
  };
}

export function guardClicks(doc: Document, onBlocked: () => void, askPage: () => Promise<boolean>) {
  const judge: Judge = hasVisibilityObserver() ? observerJudge(doc) : { now: () => false, fresh: askPage };
  const stopped = new Set<Element>();
  let replaying: Element | null = null;
  doc.addEventListener(
    'click',
    (ev) => {
      const control = (ev.target as Element | null)?.closest?.(CONTROLS);
      if (!control || control === replaying || judge.now(control)) return;
      ev.preventDefault();
      ev.stopImmediatePropagation();
      if (stopped.has(control)) return;
      stopped.add(control);
      void judge.fresh(control).then((ok) => {
        stopped.delete(control);
        if (!ok) return onBlocked();
        replaying = control;
        try {
          (control as HTMLElement).click();
        } finally {
          replaying = null;
        }
      });
    },
    true,
  );
}
