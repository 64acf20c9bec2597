/**
 * Known stays known (background/view-cache.ts): the last view of each page comes back for that
 * page, the 300 most recent pages are kept, and a page seen again counts as recent.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { browser } from 'wxt/browser';
import { cachedView, KEEP, rememberView } from '../../extension/background/view-cache';
import type { SidebarView } from '../../extension/messaging/answers';

const view = (name: string) => ({ kind: 'person', name }) as unknown as SidebarView;
const page = (i: number) => `linkedin:https://www.linkedin.com/in/p-${i}`;
const nameOf = async (key: string) => ((await cachedView(key))?.view as unknown as { name: string } | undefined)?.name ?? null;

beforeEach(() => fakeBrowser.reset());

describe('the view cache', () => {
  it('gives each page its own last view, with the time it was seen', async () => {
    await rememberView(page(1), view('Jan'), 1_000);
    await rememberView(page(2), view('Fatima'), 2_000);
    await rememberView(page(1), view('Jan de Vries'), 3_000);
    expect(await cachedView(page(1))).toEqual({ view: view('Jan de Vries'), at: 3_000 });
    expect(await nameOf(page(2))).toBe('Fatima');
    expect(await cachedView(page(3))).toBeNull();
  });

  it(`keeps the ${KEEP} pages seen last: the oldest goes, a page seen again stays`, async () => {
    for (let i = 0; i < KEEP; i++) await rememberView(page(i), view(`p${i}`));
    await rememberView(page(0), view('p0 again'));
    await rememberView(page(KEEP), view('one more'));
    expect(await nameOf(page(0))).toBe('p0 again');
    expect(await nameOf(page(1))).toBeNull();
    expect(await nameOf(page(2))).toBe('p2');
    expect(await nameOf(page(KEEP))).toBe('one more');
    // what is gone is gone from storage, not only from the list
    const stored = Object.keys(await browser.storage.local.get(null)).filter((k) => k.startsWith('view:'));
    expect(stored).toHaveLength(KEEP);
  });

  it('keeps every view when many pages answer at once', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => rememberView(page(i), view(`p${i}`))));
    for (let i = 0; i < 20; i++) expect(await nameOf(page(i))).toBe(`p${i}`);
  });

  it('frees the one map of every view that earlier versions kept', async () => {
    await browser.storage.local.set({ viewCache: { [page(9)]: { view: view('old'), at: 1 } } });
    await rememberView(page(1), view('Jan'));
    expect(await browser.storage.local.get('viewCache')).toEqual({});
  });
});
