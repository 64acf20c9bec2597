/**
 * What the stores get: `npm run zip` (run by the tests' setup) makes an MV3
 * Firefox build with a named add-on id, the Chrome and Firefox zips and the
 * sources zip Firefox review asks for; both builds carry the icons.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { FIREFOX_ID } from '../../shared/extension-id';

/** the builds and packages `npm run zip` made for the browser tests and this one (tests/global-setup.ts) */
const manifest = (dir: string) => JSON.parse(readFileSync(`.output/${dir}/manifest.json`, 'utf8'));
/** Width and height from a PNG's header. */
const pngSize = (file: string) => {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString()).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
};
/** The names in a zip's central directory. */
function zipNames(file: string): string[] {
  const b = readFileSync(file);
  const end = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = b.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < b.readUInt16LE(end + 10); i++) {
    const nameLen = b.readUInt16LE(at + 28);
    names.push(b.subarray(at + 46, at + 46 + nameLen).toString());
    at += 46 + nameLen + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
  }
  return names;
}

describe('store packages', () => {
  it('build:firefox writes an MV3 build with a stable add-on id, the icons, and the sidebar reachable from the sites only', () => {
    const m = manifest('firefox-mv3');
    expect(m.manifest_version).toBe(3);
    expect(m.browser_specific_settings.gecko.id).toBe(FIREFOX_ID);
    // what leaves the browser, for Firefox's consent at install (new add-ons must say it)
    expect(m.browser_specific_settings.gecko.data_collection_permissions.required).toEqual([
      'personallyIdentifyingInfo',
      'personalCommunications',
      'websiteContent',
    ]);
    expect(m.key).toBeUndefined();
    expect(m.web_accessible_resources.flatMap((w: { matches: string[] }) => w.matches).every((u: string) => /linkedin\.com|mail\.google\.com/.test(u))).toBe(
      true,
    );
    // Firefox does not know use_dynamic_url (its per-install host serves instead); Chrome keeps it
    expect(m.web_accessible_resources.some((w: object) => 'use_dynamic_url' in w)).toBe(false);
    for (const size of [16, 32, 48, 128]) {
      expect(m.icons[String(size)]).toBe(`icon/${size}.png`);
      expect(pngSize(`.output/firefox-mv3/icon/${size}.png`)).toEqual([size, size]);
    }
    // the Chrome build keeps its key (the stable id the server allows) and has the same icons
    const chrome = manifest('chrome-mv3');
    expect(chrome.key).toBeTruthy();
    expect(chrome.web_accessible_resources.every((w: { use_dynamic_url?: boolean }) => w.use_dynamic_url === true)).toBe(true);
    expect(chrome.icons['128']).toBe('icon/128.png');
  });

  it('zip writes the Chrome and Firefox store zips and a sources zip without builds, data or tests', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
    for (const kind of ['chrome', 'firefox']) {
      const file = `./.output/phase-crm-${version}-${kind}.zip`;
      expect(existsSync(file), file).toBe(true);
      const names = zipNames(file);
      expect(names).toContain('manifest.json');
      expect(names).toContain('icon/128.png');
      expect(names).toContain('sidebar.html');
    }
    const sources = zipNames(`./.output/phase-crm-${version}-sources.zip`);
    expect(sources).toContain('package.json');
    expect(sources).toContain('wxt.config.ts');
    expect(sources.some((n) => n.startsWith('extension/'))).toBe(true);
    expect(sources.filter((n) => /^(\.output|node_modules|data|tests)\//.test(n))).toEqual([]);
  });
});
