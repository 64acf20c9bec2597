import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { configure, launchBrowser, sidebar, startHarness, stopServiceWorker, type Harness } from './harness';
import { startServer } from '../../server/index';
import { tmpDbUrl } from '../helpers/tmp';
import { freePort } from '../helpers/process';

const JAN = 'https://www.linkedin.com/in/jan-de-vries-4b2a1/';
const FATIMA = 'https://www.linkedin.com/in/fatima-el-amrani/';

let h: Harness;
let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterAll(async () => {
  await h?.context.close().catch(() => undefined);
  await server?.close();
});

async function captureOffline(page: Page, url: string, expectedWaiting: number) {
  await page.goto(url);
  const frame = sidebar(page);
  await frame.locator('[data-status="unreachable"]').waitFor({ timeout: 10_000 });
  await frame.locator('[data-action="capture"]').click();
  // what the user did shows at once, marked as pending, with the count of waiting writes
  await expect.poll(() => frame.locator('[data-phase][data-pending]').getAttribute('data-phase'), { timeout: 10_000 }).toBe('suspect');
  expect(await frame.locator('[data-pending-count]').getAttribute('data-pending-count')).toBe(String(expectedWaiting));
}

describe('offline and restart safety in Chromium', () => {
  it('captures made while the server is down arrive exactly once after a browser restart, without opening a page', async () => {
    const port = await freePort();
    const dbUrl = tmpDbUrl('offline');
    h = await startHarness({ port, dbUrl });
    await configure(h, h.serverUrl, h.token);
    await h.server.close();

    const page = await h.context.newPage();
    await captureOffline(page, JAN, 1);
    await captureOffline(page, FATIMA, 2);

    // the browser is closed and reopened on the same profile, still without a server
    await h.context.close();
    const reopened = await launchBrowser(h.userDataDir, h.overrides);
    h.context = reopened.context;

    // the server comes back; nobody opens a page: the outbox's timer delivers
    server = await startServer({ PORT: port, HOST: '127.0.0.1', DATABASE_URL: dbUrl });
    await expect.poll(async () => (await server!.db.query.contacts.findMany()).length, { timeout: 60_000, interval: 500 }).toBe(2);
    const accounts = await server.db.query.accounts.findMany();
    expect(accounts.map((a) => a.name).sort()).toEqual(['Acme BV', 'Groenhuis Installaties']);
    expect(await server.db.query.phaseChanges.findMany()).toHaveLength(2);

    // and the sidebar now shows the account as known, nothing pending
    const again = await h.context.newPage();
    await again.goto(JAN);
    await expect.poll(() => sidebar(again).locator('[data-phase]').getAttribute('data-phase'), { timeout: 10_000 }).toBe('suspect');
    expect(await sidebar(again).locator('[data-pending]').count()).toBe(0);
    expect(await sidebar(again).locator('[data-pending-count]').count()).toBe(0);
  }, 120_000);
});

describe('a worker stopped in the middle of sending', () => {
  it('sends the write again after the restart; the server keeps one', async () => {
    const { holdProxy } = await import('../helpers/hold-proxy');
    const hh = await startHarness();
    const proxy = await holdProxy(hh.serverUrl);
    try {
      await configure(hh, proxy.url, hh.token);
      const page = await hh.context.newPage();
      await page.goto(JAN);
      proxy.state.hold = true;
      await sidebar(page).locator('[data-action="capture"]').click({ timeout: 10_000 });
      // the capture is committed on the server, but its answer never reaches the worker
      await expect.poll(() => proxy.swallowed(), { timeout: 10_000 }).toBe(1);
      expect(await hh.server.db.query.contacts.findMany()).toHaveLength(1);

      // the worker is stopped mid-send; the write is still in the outbox
      await stopServiceWorker(hh.context, page);
      proxy.state.hold = false;

      // the restarted worker sends it again with the same id; the server answers with the first result
      const again = await hh.context.newPage();
      await expect
        .poll(
          async () => {
            await again.goto(JAN);
            return sidebar(again)
              .locator('[data-phase]')
              .getAttribute('data-phase', { timeout: 3_000 })
              .catch(() => null);
          },
          { timeout: 30_000, interval: 500 },
        )
        .toBe('suspect');
      expect(await sidebar(again).locator('[data-pending-count]').count()).toBe(0);
      expect(await hh.server.db.query.contacts.findMany()).toHaveLength(1);
      expect(await hh.server.db.query.accounts.findMany()).toHaveLength(1);
      // sent twice with one id (the lost answer, then the retry), done once
      expect(proxy.clientIds).toHaveLength(2);
      expect(proxy.clientIds[1]).toBe(proxy.clientIds[0]);
      const writes = await hh.server.db.query.clientWrites.findMany();
      expect(writes.map((w) => w.clientId)).toEqual([proxy.clientIds[0]]);
    } finally {
      await proxy.close();
      await hh.close();
    }
  }, 90_000);
});
