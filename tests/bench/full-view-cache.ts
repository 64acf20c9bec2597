/**
 * A known profile opened again and again, page to sidebar shown, with the view cache empty and
 * with it full (300 pages, what a rep has after a few weeks): every page writes its view there,
 * so a cache whose cost grows with its size slows every page (extension/background/view-cache.ts).
 */
import { configure, sidebar, startHarness } from '../e2e/harness';
import { median, ms, type Row } from './table';

const JAN = 'https://www.linkedin.com/in/jan-de-vries-4b2a1/';

export async function fullViewCache(runs = 10): Promise<Row[]> {
  const h = await startHarness();
  try {
    await configure(h, h.serverUrl, h.token);
    const first = await h.context.newPage();
    await first.goto(JAN);
    await sidebar(first).locator('[data-action="capture"]').click({ timeout: 10_000 });
    await sidebar(first).locator('[data-phase]').waitFor();
    await first.close();
    const open = async () => {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const page = await h.context.newPage();
        const t0 = performance.now();
        await page.goto(JAN);
        await sidebar(page).locator('[data-phase]').waitFor({ timeout: 10_000 });
        times.push(performance.now() - t0);
        await page.close();
      }
      return median(times);
    };
    const empty = await open();
    // 299 more pages, each with a copy of Jan's view, in the cache's own layout
    const worker = h.context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'))!;
    await worker.evaluate(async () => {
      type Area = { get(k: string): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void> };
      const local = (globalThis as unknown as { chrome: { storage: { local: Area } } }).chrome.storage.local;
      const { viewKeys } = (await local.get('viewKeys')) as { viewKeys: string[] };
      const jan = (await local.get(`view:${viewKeys[0]}`))[`view:${viewKeys[0]}`];
      const keys = Array.from({ length: 299 }, (_, i) => `linkedin:https://www.linkedin.com/in/bench-${i}`);
      await local.set({ ...Object.fromEntries(keys.map((k) => [`view:${k}`, jan])), viewKeys: [...keys, ...viewKeys] });
    });
    const full = await open();
    return [
      { benchmark: 'sidebar', measure: `a known profile: page → phase shown, median of ${runs}, view cache empty`, value: ms(empty), target: 'reference' },
      { benchmark: 'sidebar', measure: 'the same with 300 pages in the view cache', value: `${ms(full)} (${(full / empty).toFixed(2)}×)`, target: '≤ 1.1×' },
    ];
  } finally {
    await h.close();
  }
}
