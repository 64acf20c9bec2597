/**
 * The LinkedIn extractors on real saved pages (anonymized), parsed by
 * Chromium as a user's browser parses them, against what a reader of each
 * page writes down (tests/fixtures/linkedin/real/expected.json), plus
 * variants of those pages for the families they stand for: Dutch interface,
 * locations outside Europe, no current employer, followed companies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { extractInChromium, launchForExtraction, realFixture } from '../helpers/extract-in-chromium';
import { realExpectations, scoreFields } from '../helpers/real-pages';

let browser: Browser;
beforeAll(async () => {
  browser = await launchForExtraction();
});
afterAll(async () => {
  await browser?.close();
});

// biome-ignore lint/suspicious/noExplicitAny: compared field by field with the expected JSON
const extract = (url: string, html: string) => extractInChromium(browser, url, html) as Promise<Record<string, any> | null>;

describe('real LinkedIn pages in Chromium', () => {
  for (const page of realExpectations()) {
    it(`${page.id}: ${page.layout}`, async () => {
      const got = await extract(page.url, realFixture(page.file));
      expect(got, 'the sidebar must open on every profile and company page').not.toBeNull();
      const { wrong } = scoreFields(page, got);
      expect(wrong).toEqual([]);
    });
  }
});

const T4 = 'https://www.linkedin.com/in/michiel-koopman/';
const T1 = 'https://www.linkedin.com/in/sanne-marije-visser-7b31c0d2/';
const T2 = 'https://nl.linkedin.com/in/sanne-marije-visser-7b31c0d2';
const T3 = 'https://www.linkedin.com/in/dr-jw-hofstede-5c0e7a31/';
const T7 = 'https://nl.linkedin.com/company/bakkerij-oost';
const T8 = 'https://www.linkedin.com/company/grachtwerk-digitaal/about/';
const sdui = () => realFixture('person-2026-sdui-michiel-koopman.html');

describe('families, not files', () => {
  it('2026 profile in a Dutch interface, located in India', async () => {
    const html = sdui()
      .replace('>· 1st<', '>· 1e<')
      .replace('>· 2nd<', '>· 2e<')
      .replace('>Contact info<', '>Contactgegevens<')
      .replace('>Utrecht, Netherlands<', '>Chandigarh, India<');
    expect(await extract(T4, html)).toMatchObject({
      name: 'Michiel Koopman',
      headline: 'Klanten via LinkedIn. Ik werk met fijne mensen!',
      companyName: 'Zelfstandig',
      location: 'Chandigarh, India',
      city: 'Chandigarh',
      country: 'India',
    });
  });

  it('a country alone is a country, a metropolitan area names no city', async () => {
    const sweden = await extract(T4, sdui().replace('>Utrecht, Netherlands<', '>Sweden<'));
    expect(sweden).toMatchObject({ location: 'Sweden', country: 'Sweden' });
    expect(sweden!.city).toBeUndefined();
    const area = await extract(T4, sdui().replace('>Utrecht, Netherlands<', '>Greater Stockholm Metropolitan Area<'));
    expect(area).toMatchObject({ location: 'Greater Stockholm Metropolitan Area' });
    expect(area!.city).toBeUndefined();
    const groot = await extract(T4, sdui().replace('>Utrecht, Netherlands<', '>Groot-Amsterdam, Nederland<'));
    expect(groot).toMatchObject({ country: 'Nederland' });
    expect(groot!.city).toBeUndefined();
  });

  it('no current employer: no company, not the school, not a company the person follows', async () => {
    const html = sdui()
      // the top card's company entry goes; a followed company appears further down the page
      .replace(
        /<div role="button" tabindex="0"[^>]*>(?:(?!<div role="button").)*?company-accent-4[\s\S]*?Zelfstandig<\/span><\/p><\/div><\/div><\/div><\/div><\/div>/,
        '',
      )
      .replace('>Zelfstandig · Hogeschool Domstad<', '>Hogeschool Domstad<')
      .replace(
        '</section></div></div><div componentkey="ProfilePostConnectDrawer',
        '</section><section><h2>Interests</h2><ul><li><a href="https://www.linkedin.com/company/utrecht-js-meetup/"><img alt="Utrecht JS Meetup logo"><span>Utrecht JS Meetup</span></a></li></ul></section></div></div><div componentkey="ProfilePostConnectDrawer',
      );
    const got = await extract(T4, html);
    expect(got).toMatchObject({ name: 'Michiel Koopman', headline: 'Klanten via LinkedIn. Ik werk met fijne mensen!' });
    expect(got!.companyName).toBeUndefined();
    expect(got!.companyUrl).toBeUndefined();
    expect(got!.extraction.missing).toContain('company');
  });

  it('2024 profile without the top-card company button: the Experience entry marked Present', async () => {
    const html = realFixture('person-2024-07-loggedin-sanne-marije-visser.html').replace(
      /aria-label="Current company: Zuiderbank\. Click to skip to experience card"/,
      'aria-label="Skip"',
    );
    expect(await extract(T1, html)).toMatchObject({ companyName: 'Zuiderbank', companyUrl: 'https://www.linkedin.com/company/9745' });
  });

  it('2024 profile in Dutch: "Huidig bedrijf", "Contactgegevens", "heden"', async () => {
    const html = realFixture('person-2024-07-loggedin-sanne-marije-visser.html')
      .replace('Current company: Zuiderbank. Click to skip to experience card', 'Huidig bedrijf: Zuiderbank. Klik om naar de ervaringskaart te gaan')
      .replace(/> Contact info </g, '> Contactgegevens <')
      .replace(/Utrecht, Utrecht, Netherlands/g, 'Utrecht, Utrecht, Nederland');
    expect(await extract(T1, html)).toMatchObject({
      companyName: 'Zuiderbank',
      location: 'Utrecht, Utrecht, Nederland',
      city: 'Utrecht',
      country: 'Nederland',
    });
  });

  it('guest profile without JSON-LD: the DOM alone, not the sign-in dialog', async () => {
    const html = realFixture('person-2024-04-guest-sanne-marije-visser.html').replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/g, '');
    expect(await extract(T2, html)).toMatchObject({
      name: 'Sanne Marije Visser',
      headline: 'Gecertificeerd Scrum Master @ Zuiderbank | Senior Pega-architect',
      companyName: 'Zuiderbank',
      companyUrl: 'https://www.linkedin.com/company/zuiderbank',
      location: 'Utrecht, Utrecht, Netherlands',
      country: 'Netherlands',
    });
  });

  it('guest page title "Name - Job title - Company | LinkedIn": the company is the last part', async () => {
    const html = realFixture('person-2024-04-guest-sanne-marije-visser.html')
      .replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/g, '')
      .replace(/data-tracking-control-name="public_profile_topcard-current-company"/g, '')
      .replace(/<section[^>]*class="[^"]*experience[\s\S]*?<\/section>/g, '');
    const got = await extract(T2, html);
    expect(got!.companyName).toBe('Zuiderbank');
    expect(got!.extraction.sources.company).toBe('meta');
  });

  it('a guest page whose JSON-LD names no employer: no company from the title ("Name - Student - University")', async () => {
    const html = realFixture('person-2024-04-guest-sanne-marije-visser.html')
      .replace(/"worksFor":\[[^\]]*\]/, '"worksFor":[]')
      .replace(/data-tracking-control-name="public_profile_topcard-current-company"/g, '')
      .replace(/<section[^>]*class="[^"]*experience[\s\S]*?<\/section>/g, '')
      .replace(
        /Sanne Marije Visser - Scrum Master - Software Engineer - Zuiderbank \| LinkedIn/g,
        'Sanne Marije Visser - Student - Hogeschool Vechtdal | LinkedIn',
      );
    const got = await extract(T2, html);
    expect(got).toMatchObject({ name: 'Sanne Marije Visser' });
    expect(got!.companyName).toBeUndefined();
  });

  it('the embedded profile is taken only for the person in the URL, not the viewer', async () => {
    // T1 carries another member's profile datalet; the page's own person must win
    const got = await extract(T1, realFixture('person-2024-07-loggedin-sanne-marije-visser.html'));
    expect(got).toMatchObject({ name: 'Sanne Marije Visser' });
    const t3 = await extract(T3, realFixture('person-2025-12-loggedin-jw-hofstede.html'));
    expect(t3).toMatchObject({ memberId: '973242828' });
    expect(t3!.extraction.sources.name).toBe('embedded');
  });

  it('a 2026 page whose Next.js payload names the person', async () => {
    const payload = JSON.stringify(
      JSON.stringify({
        profile: {
          vanityName: 'michiel-koopman',
          firstName: 'Michiel',
          lastName: 'Koopman',
          headline: 'Klanten via LinkedIn. Ik werk met fijne mensen!',
          memberId: '123456',
        },
        viewer: { vanityName: 'pieter-bos', firstName: 'Pieter' },
      }).slice(1, -1),
    );
    const html = sdui().replace('</body>', `<script>self.__next_f.push([1,${payload}])</script></body>`);
    const got = await extract(T4, html);
    expect(got).toMatchObject({ firstName: 'Michiel', lastName: 'Koopman', memberId: '123456' });
    expect(got!.extraction.sources.name).toBe('embedded');
  });

  it('company pages: guest website behind the redirect, a Home tab without the About list', async () => {
    const guest = realFixture('company-2024-10-guest-bakkerij-oost.html').replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/g, '');
    expect(await extract(T7, guest)).toMatchObject({
      name: 'Bakkerij Oost BV',
      website: 'http://www.bakkerij-oost.example',
      industry: 'Food and Beverage Services',
      tagline: 'Vers brood, eerlijke koffie en taart op bestelling, elke dag in Utrecht-Oost.',
    });
    const home = realFixture('company-2026-loggedin-grachtwerk-digitaal-about-main.html').replace(/<dl\b[\s\S]*?<\/dl>/, '');
    expect(await extract(T8.replace('/about/', '/'), home)).toMatchObject({
      name: 'Grachtwerk Digitaal NV',
      tagline: 'Gewoon goed geregeld.',
      industry: 'IT Services and IT Consulting',
      location: 'Amsterdam, Netherlands',
      city: 'Amsterdam',
      country: 'Netherlands',
      size: '10K+ employees',
      website: 'https://www.grachtwerk-digitaal.example',
    });
  });

  it('2026 profile that shows no location: none, rather than the headline or the name', async () => {
    const got = await extract(
      T4,
      sdui()
        .replace('<p>Utrecht, Netherlands</p><p>·</p>', '')
        .replace(/<p[^>]*>Utrecht, Netherlands<\/p><p[^>]*>·<\/p>/, ''),
    );
    expect(got).toMatchObject({ name: 'Michiel Koopman', headline: 'Klanten via LinkedIn. Ik werk met fijne mensen!' });
    expect(got!.location).toBeUndefined();
    expect(got!.extraction.missing).toContain('location');
  });

  it("2026 profile whose name is not in a link and whose page has no title: the top card's heading", async () => {
    const html = sdui()
      .replace(/<title>[^<]*<\/title>/g, '')
      .replace(/<a tabindex="0" href="https:\/\/www\.linkedin\.com\/in\/michiel-koopman\/overlay\/contact-info\/"([^>]*)>(<div[^>]*><h2)/, '<span$1>$2');
    expect((await extract(T4, html))!.name).toBe('Michiel Koopman');
  });

  it('a company Home tab whose place is one word', async () => {
    const html = realFixture('company-2026-loggedin-grachtwerk-digitaal-about-main.html')
      .replace(/<dl\b[\s\S]*?<\/dl>/, '')
      .replace(/Amsterdam, Netherlands/g, 'Amsterdam');
    expect(await extract(T8.replace('/about/', '/'), html)).toMatchObject({
      industry: 'IT Services and IT Consulting',
      location: 'Amsterdam',
      city: 'Amsterdam',
    });
  });

  it('a profile whose page shows nothing yet gives nothing at first (the content script waits, then opens from the URL)', async () => {
    expect(await extract(T4, '<html><body><main></main></body></html>')).toBeNull();
  });
});
