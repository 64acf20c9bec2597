/** Extension pages ask the background; they never call the server themselves. */
import { browser } from 'wxt/browser';
import type { Reply } from './protocol';

export async function ask<T>(message: object): Promise<Reply<T>> {
  try {
    const reply = (await browser.runtime.sendMessage(message)) as Reply<T> | undefined;
    return reply ?? { ok: false, trouble: 'refused', message: 'No answer from the extension' };
  } catch {
    return { ok: false, trouble: 'refused', message: 'The extension is restarting; try again' };
  }
}

export const newClientId = () => crypto.randomUUID();
