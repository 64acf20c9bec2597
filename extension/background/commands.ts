/**
 * Keyboard commands (chrome://extensions/shortcuts lets the user change
 * them): fold or unfold the sidebar, and capture the page's person or company
 * — the same write the button makes, through the outbox.
 */
import { browser } from 'wxt/browser';
import { pageOfTab } from './frames';
import { answerFrame } from './frame-requests';
import { sidebarCollapsed } from '../sidebar-collapsed';

export const COMMANDS = { toggle: 'toggle-sidebar', capture: 'capture-page' } as const;

export async function onCommand(command: string) {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  const page = await pageOfTab(tab.id);
  if (!page) return;
  if (command === COMMANDS.toggle) {
    const item = sidebarCollapsed(page.site === 'linkedin' ? 'linkedin' : 'gmail');
    await item.setValue(!(await item.getValue()));
  } else if (command === COMMANDS.capture && page.site === 'linkedin') {
    await answerFrame({ type: 'sidebar:capture', token: 'keyboard-command-00', clientId: crypto.randomUUID() }, page);
  }
}
