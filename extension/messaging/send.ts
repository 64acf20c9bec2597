/** Extension pages ask the background; they never call the server themselves. */
import { browser } from 'wxt/browser';
import type { z } from 'zod';
import type { ExtensionPageRequestIn, FrameRequestIn, Reply, frameExpected, frameSearch } from './protocol';
import type { Replies } from './replies';

/** every message an extension page may send the background */
export type Message = ExtensionPageRequestIn | FrameRequestIn | z.input<typeof frameSearch> | z.input<typeof frameExpected>;

/** Asks the background; the reply's type is the one the contract (`replies.ts`) gives this message. */
export async function ask<M extends Message>(message: M): Promise<Reply<Replies[M['type']]>> {
  try {
    // the one place a reply's type is taken on trust: the background's handlers are checked against the same table
    const reply = (await browser.runtime.sendMessage(message)) as Reply<Replies[M['type']]> | undefined;
    return reply ?? { ok: false, trouble: 'refused', message: 'No answer from the extension' };
  } catch {
    return { ok: false, trouble: 'refused', message: 'The extension is restarting; try again' };
  }
}

export const newClientId = () => crypto.randomUUID();
