/**
 * What a hostile host page does to the sidebar, as the page's own scripts,
 * for the browser tests of every browser (Chromium and Firefox).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * A page that keeps trying to read the sidebar (its document, window.find on
 * CRM words, the frame's URL) and then loads the sidebar's page in a frame of
 * its own (#attacker). What it found is in window.__probe.
 */
export function probingPage(fixture: string): string {
  const probe = `<script>
    window.__probe = { frameDoc: 'none', findHits: [], copied: false, errors: [], runs: 0, src: '' };
    setInterval(() => {
      const f = document.querySelector('[data-phase-crm] iframe');
      if (!f) return;
      window.__probe.runs++;
      window.__probe.src = f.src;
      try { window.__probe.frameDoc = f.contentDocument ? f.contentDocument.body.innerText : null; } catch (e) { window.__probe.errors.push(String(e)); }
      try { window.__probe.frameDoc = f.contentWindow.document.body.innerText; } catch (e) { window.__probe.errors.push('cw'); }
      for (const word of ['Still to fill in', 'Last activities', 'Captured from LinkedIn']) if (window.find(word)) window.__probe.findHits.push(word);
      if (!window.__probe.copied) {
        window.__probe.copied = true;
        setTimeout(() => { const copy = document.createElement('iframe'); copy.id = 'attacker'; copy.src = f.src; document.body.append(copy); }, 1500);
      }
    }, 200);
  </script>`;
  return readFileSync(resolve('tests/fixtures', fixture), 'utf8').replace('</body>', `${probe}</body>`);
}

export interface Probe {
  frameDoc: unknown;
  findHits: string[];
  runs: number;
  src: string;
}

/** Clickjacking, as the page's own script: run once the sidebar is there. */
export const CLICKJACKS = {
  'a decoy over the sidebar that lets clicks through': `
    const decoy = document.createElement('div');
    decoy.id = 'decoy';
    decoy.textContent = 'Claim your prize';
    // the page keeps it over the whole window, whatever the sidebar's docking does to it
    const cover = () => (decoy.style.cssText = 'position:fixed;inset:0;width:100vw;z-index:2147483647;background:#fff;pointer-events:none;font-size:40px');
    cover();
    document.body.append(decoy);
    setInterval(cover, 50);`,
  'a filter that makes the whole page, sidebar included, transparent': `document.documentElement.style.filter = 'opacity(0)';`,
};
