/**
 * Whether the user folded the sidebar away: the frame sets it, the content
 * script sizes the frame by it. Plain storage.local calls rather than WXT's
 * storage module: the content script loads on every LinkedIn and Gmail page,
 * and the module would add about 2 KB to it.
 */
import { browser } from 'wxt/browser';

const KEY = 'sidebarCollapsed';

export const sidebarCollapsed = {
  async getValue(): Promise<boolean> {
    const got = await browser.storage.local.get(KEY);
    return got[KEY] === true;
  },
  setValue(value: boolean): Promise<void> {
    return browser.storage.local.set({ [KEY]: value });
  },
  watch(cb: (value: boolean) => void): () => void {
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && KEY in changes) cb(changes[KEY]!.newValue === true);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
};
