/**
 * Clicks count only while the sidebar is really visible to the user. A
 * hostile page can make the frame transparent, filter it away, or lay a decoy
 * over it that lets clicks through (clickjacking): the user thinks they click
 * the page and capture someone instead. IntersectionObserver v2
 * (`trackVisibility`) tells, per control, whether it is unobscured and drawn
 * without opacity, filters or transforms by any ancestor, in this frame and
 * in the page around it. A click on a control not known to be visible is
 * stopped before any handler runs. Reports come only on change and at most
 * every 100 ms, so a control that has just appeared or just scrolled into
 * view may not be reported yet: such a click waits a moment for a fresh
 * report and goes through if it says visible. A page that keeps the sidebar
 * covered sends no fresh report, and the click is refused.
 */
const CONTROLS = 'button, a[href], input, select, textarea, [role="button"]';
const FRESH_REPORT_MS = 600;

type Entry = IntersectionObserverEntry & { isVisible?: boolean };

export function guardClicks(doc: Document, onBlocked: () => void) {
  const visible = new WeakMap<Element, boolean>();
  const waiting = new Map<Element, () => void>();
  const io = new IntersectionObserver(
    (entries) => {
      for (const e of entries as Entry[]) {
        visible.set(e.target, e.isVisible === true);
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

  let replaying: Element | null = null;
  doc.addEventListener(
    'click',
    (ev) => {
      const control = (ev.target as Element | null)?.closest?.(CONTROLS);
      if (!control || control === replaying) return;
      if (visible.get(control) === true) return;
      ev.preventDefault();
      ev.stopImmediatePropagation();
      if (waiting.has(control)) return;
      const timer = setTimeout(() => {
        waiting.delete(control);
        onBlocked();
      }, FRESH_REPORT_MS);
      waiting.set(control, () => {
        clearTimeout(timer);
        waiting.delete(control);
        if (visible.get(control) !== true) return onBlocked();
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
