/**
 * Mounts the sidebar: an extension-origin iframe, so the host page's scripts
 * cannot read the CRM data drawn in it. The content script only registers
 * the scraped page with the background and hands the frame a one-time token
 * (by postMessage, never in the URL: frame-channel.ts); it never receives
 * CRM data itself.
 */
import { browser } from 'wxt/browser';
import { createIframeUi, type ContentScriptContext } from '#imports';
import { sidebarCollapsed, type SidebarSite } from '../sidebar-collapsed';
import { createDock } from './dock';
import type { OpenPage, Reply } from '../messaging/protocol';
import { serveFrame } from '../messaging/frame-channel';
import { unobscured } from './unobscured';

const WIDTH = 340;
const COLLAPSED_WIDTH = 36;

const WRAPPER_STYLE = {
  position: 'fixed',
  top: '0',
  right: '0',
  height: '100vh',
  'z-index': '2147483646',
  opacity: '1',
  visibility: 'visible',
  display: 'block',
  transform: 'none',
  filter: 'none',
  'clip-path': 'none',
  'pointer-events': 'auto',
};
const FRAME_STYLE = {
  height: '100%',
  border: '0',
  'border-left': '1px solid #d0d4da',
  'box-shadow': '-2px 0 8px rgba(0,0,0,.08)',
  background: '#fff',
  'color-scheme': 'normal',
  opacity: '1',
  visibility: 'visible',
  display: 'block',
  transform: 'none',
  filter: 'none',
};

const observers = new WeakMap<HTMLElement, MutationObserver>();

/**
 * Our styles, set !important (no page stylesheet outranks them) and put back
 * whenever the page's scripts change the style attribute. What the page does
 * to an ancestor (a filter on <html>, an overlay) cannot be undone from here:
 * the frame refuses clicks then (sidebar/visibility-guard.ts).
 */
function keepStyles(ctx: ContentScriptContext, el: HTMLElement, style: Record<string, string>) {
  // the browser writes values back normalised (#fff → rgb(255, 255, 255)): compare with what it made of ours
  const written: Record<string, string> = {};
  const apply = () => {
    for (const [k, v] of Object.entries(style)) {
      if (k in written && el.style.getPropertyValue(k) === written[k] && el.style.getPropertyPriority(k) === 'important') continue;
      el.style.setProperty(k, v, 'important');
      written[k] = el.style.getPropertyValue(k);
    }
  };
  observers.get(el)?.disconnect();
  const mo = new MutationObserver(() => {
    // our own writes must not wake the observer again
    mo.disconnect();
    apply();
    watch();
  });
  const watch = () => mo.observe(el, { attributes: true, attributeFilter: ['style', 'hidden', 'class'] });
  apply();
  watch();
  observers.set(el, mo);
  ctx.onInvalidated(() => mo.disconnect());
}

export function createSidebar(ctx: ContentScriptContext, site: SidebarSite) {
  const collapsedItem = sidebarCollapsed(site);
  let ui: ReturnType<typeof createIframeUi> | undefined;
  let generation = 0;
  // the page makes room for the sidebar instead of lying under it
  const dock = createDock(ctx, (el) => el.matches('[data-phase-crm]'));

  const size = (collapsed: boolean) => {
    if (!ui) return;
    keepStyles(ctx, ui.iframe, { ...FRAME_STYLE, width: `${collapsed ? COLLAPSED_WIDTH : WIDTH}px` });
    dock.set(collapsed ? COLLAPSED_WIDTH : WIDTH);
  };
  const unwatch = collapsedItem.watch((c) => size(Boolean(c)));
  ctx.onInvalidated(unwatch);

  async function show(page: OpenPage | null) {
    const mine = ++generation;
    if (!page) {
      ui?.remove();
      ui = undefined;
      dock.set(0);
      return;
    }
    const reply = (await browser.runtime.sendMessage({ type: 'page:open', page }).catch(() => null)) as Reply<{ token: string }> | null;
    // the user moved on while we waited: a newer page owns the sidebar
    if (mine !== generation || !ctx.isValid) return;
    ui?.remove();
    ui = undefined;
    if (!reply?.ok) return dock.set(0);
    const collapsed = await collapsedItem.getValue();
    if (mine !== generation) return;
    const token = reply.data.token;
    ui = createIframeUi(ctx, {
      page: '/sidebar.html',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount: (wrapper, iframe) => {
        wrapper.setAttribute('data-phase-crm', 'sidebar');
        iframe.setAttribute('title', 'phase-crm');
        iframe.setAttribute('allow', '');
        keepStyles(ctx, wrapper, WRAPPER_STYLE);
        keepStyles(ctx, iframe, { ...FRAME_STYLE, width: `${collapsed ? COLLAPSED_WIDTH : WIDTH}px` });
        return serveFrame(iframe, token, () => unobscured(wrapper, iframe));
      },
      onRemove: (stopOffering) => stopOffering?.(),
    });
    ui.mount();
    dock.set(collapsed ? COLLAPSED_WIDTH : WIDTH);
  }

  return { show };
}
