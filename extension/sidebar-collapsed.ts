/**
 * Whether the user folded the sidebar away, remembered per site (LinkedIn,
 * Gmail): the frame sets it, the content script sizes the frame by it. Plain
 * storage.local calls rather than WXT's storage module: the content script
 * loads on every LinkedIn and Gmail page, and the module would add about 2 KB.
 */
import { browser } from 'wxt/browser';

export type SidebarSite = 'linkedin' | 'gmail';

export function sidebarCollapsed(site: SidebarSite) {
  const key = `sidebarCollapsed:${site}`;
  return {
    async getValue(): Promise<boolean> {
      const got = await browser.storage.local.get(key);
      return got[key] === true;
    },
    setValue(value: boolean): Promise<void> {
      return browser.storage.local.set({ [key]: value });
    },
    watch(cb: (value: boolean) => void): () => void {
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'local' && key in changes) cb(changes[key]!.newValue === true);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}
