/**
 * Mounts the sidebar: an extension-origin iframe, so the host page's scripts
 * cannot read the CRM data drawn in it. The content script only registers
 * the scraped page with the background and hands the frame a one-time token
 * (in the URL fragment); it never receives CRM data itself.
 */
import { browser } from 'wxt/browser';
import { createIframeUi, type ContentScriptContext } from '#imports';
import { sidebarCollapsed } from '../sidebar-collapsed';
import type { OpenPage, Reply } from '../messaging/protocol';

const WIDTH = 340;
const COLLAPSED_WIDTH = 36;

export function createSidebar(ctx: ContentScriptContext) {
  let ui: ReturnType<typeof createIframeUi> | undefined;
  let generation = 0;

  const size = (collapsed: boolean) => {
    if (ui) ui.iframe.style.width = `${collapsed ? COLLAPSED_WIDTH : WIDTH}px`;
  };
  const unwatch = sidebarCollapsed.watch((c) => size(Boolean(c)));
  ctx.onInvalidated(unwatch);

  async function show(page: OpenPage | null) {
    const mine = ++generation;
    if (!page) {
      ui?.remove();
      ui = undefined;
      return;
    }
    const reply = (await browser.runtime.sendMessage({ type: 'page:open', page }).catch(() => null)) as Reply<{ token: string }> | null;
    // the user moved on while we waited: a newer page owns the sidebar
    if (mine !== generation || !ctx.isValid) return;
    ui?.remove();
    ui = undefined;
    if (!reply?.ok) return;
    const collapsed = await sidebarCollapsed.getValue();
    if (mine !== generation) return;
    ui = createIframeUi(ctx, {
      page: `/sidebar.html#${reply.data.token}` as '/sidebar.html',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount: (wrapper, iframe) => {
        wrapper.setAttribute('data-phase-crm', 'sidebar');
        Object.assign(wrapper.style, { position: 'fixed', top: '0', right: '0', height: '100vh', zIndex: '2147483646' });
        Object.assign(iframe.style, { height: '100%', border: '0', borderLeft: '1px solid #d0d4da', boxShadow: '-2px 0 8px rgba(0,0,0,.08)', background: '#fff', colorScheme: 'normal' });
        iframe.setAttribute('title', 'phase-crm');
        iframe.setAttribute('allow', '');
      },
    });
    ui.mount();
    size(collapsed);
  }

  return { show };
}
