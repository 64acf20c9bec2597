/**
 * The sidebar's token binds to the first frame that uses it: by document in
 * Chrome, by frame id in Firefox (which has no documentId), so a second
 * frame with the same token gets nothing in either browser.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { awaitsFrame, grantFrame, redeem } from '../../extension/background/frames';
import type { OpenPage } from '../../extension/messaging/protocol';

const page = { site: 'today' } as unknown as OpenPage;

beforeEach(() => fakeBrowser.reset());

describe('frame grants', () => {
  it('Firefox (no documentId): the first frame keeps the token, another frame in the tab is refused', async () => {
    const token = await grantFrame(7, page);
    expect(await redeem(token, { tabId: 7, frameId: 3 })).not.toBeNull();
    expect(await redeem(token, { tabId: 7, frameId: 3 })).not.toBeNull();
    expect(await redeem(token, { tabId: 7, frameId: 4 })).toBeNull();
  });

  it('Chrome: bound to the document, so a new document in the same frame is refused too', async () => {
    const token = await grantFrame(7, page);
    expect(await redeem(token, { tabId: 7, frameId: 3, documentId: 'A' })).not.toBeNull();
    expect(await redeem(token, { tabId: 7, frameId: 3, documentId: 'B' })).toBeNull();
  });

  it('refuses another tab, the top page itself, an unnamed frame, and a token the tab has replaced', async () => {
    const token = await grantFrame(7, page);
    expect(await redeem(token, { tabId: 8, frameId: 3 })).toBeNull();
    expect(await redeem(token, { tabId: 7, frameId: 0 })).toBeNull();
    expect(await redeem(token, { tabId: 7 })).toBeNull();
    await grantFrame(7, page);
    expect(await redeem(token, { tabId: 7, frameId: 3 })).toBeNull();
  });

  it('a tab awaits a frame from the grant until its frame used it: a frame the page makes later is told at once it gets nothing', async () => {
    expect(await awaitsFrame(7)).toBe(false);
    const token = await grantFrame(7, page);
    expect(await awaitsFrame(7)).toBe(true);
    expect(await awaitsFrame(8)).toBe(false);
    expect(await awaitsFrame(undefined)).toBe(false);
    await redeem(token, { tabId: 7, frameId: 3 });
    expect(await awaitsFrame(7)).toBe(false);
    // the next page in the tab: its new frame is awaited again
    await grantFrame(7, page);
    expect(await awaitsFrame(7)).toBe(true);
  });
});
