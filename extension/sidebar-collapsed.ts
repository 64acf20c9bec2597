/** Whether the user folded the sidebar away: the frame sets it, the content script sizes the frame by it. */
import { storage } from '#imports';

export const sidebarCollapsed = storage.defineItem<boolean>('local:sidebarCollapsed', { fallback: false });
