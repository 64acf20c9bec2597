/**
 * Whether the page shows our sidebar frame as drawn, for browsers where the
 * frame cannot tell by itself (Firefox: no IntersectionObserver v2). Asked
 * at click time only (a full scan of the page's elements, a few ms):
 * - every ancestor of the frame is drawn plainly: no opacity, filter,
 *   transform, clip, blend mode or hidden visibility;
 * - no element of the page is stacked over the frame: our wrapper has the
 *   highest z-index but one, so only an element at least as high, or one in
 *   the top layer (a modal dialog, an open popover, full screen), can be.
 *   Open and (where the browser lets an extension see them) closed shadow
 *   roots are searched too. An element the pointer passes through still
 *   counts: that is how a decoy lets a click reach the sidebar.
 */
/** asked one by one: a browser that does not know one of them throws for it alone */
const TOP_LAYER = [':modal', ':popover-open', ':fullscreen'];

function drawnPlainly(el: Element): boolean {
  const s = getComputedStyle(el);
  return (
    Number(s.opacity) === 1 &&
    s.visibility === 'visible' &&
    s.filter === 'none' &&
    s.transform === 'none' &&
    s.clipPath === 'none' &&
    s.mixBlendMode === 'normal'
  );
}

const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Firefox lets content scripts see closed shadow roots too */
const shadowOf = (el: Element) => (el as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot ?? el.shadowRoot;

function* allElements(root: Document | ShadowRoot): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    const shadow = shadowOf(el);
    if (shadow) yield* allElements(shadow);
  }
}

function inTopLayer(el: Element): boolean {
  return TOP_LAYER.some((sel) => {
    try {
      return el.matches(sel);
    } catch {
      return false;
    }
  });
}

function covers(el: Element, frame: DOMRect, ourZ: number): boolean {
  const s = getComputedStyle(el);
  if (s.display === 'none' || s.visibility !== 'visible' || Number(s.opacity) === 0) return false;
  const z = Number(s.zIndex);
  const high = s.position !== 'static' && Number.isFinite(z) && z >= ourZ;
  return (high || inTopLayer(el)) && overlaps(el.getBoundingClientRect(), frame);
}

export function unobscured(wrapper: HTMLElement, iframe: HTMLIFrameElement): boolean {
  if (!iframe.isConnected) return false;
  const rect = iframe.getBoundingClientRect();
  if (rect.width < 1 || rect.height < 1 || rect.right > innerWidth + 1 || rect.left < -1) return false;
  for (let el: Element | null = iframe; el; el = el.parentElement) if (!drawnPlainly(el)) return false;
  const ourZ = Number(getComputedStyle(wrapper).zIndex);
  for (const el of allElements(document)) {
    if (el === wrapper || wrapper.contains(el) || el.contains(wrapper)) continue;
    if (covers(el, rect, ourZ)) return false;
  }
  return true;
}
