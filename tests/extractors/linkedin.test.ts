import { describe, expect, it } from 'vitest';
import { extractCompany, extractPerson } from '../../extension/sites/linkedin/extract';
import { linkedInPage } from '../../extension/sites/linkedin/pages';
import { fixture, pageAt } from '../helpers/dom';

const JAN = 'https://www.linkedin.com/in/jan-de-vries-4b2a1/';
const FATIMA = 'https://www.linkedin.com/in/fatima-el-amrani/';
const ACME = 'https://www.linkedin.com/company/acme-bv/';

describe('LinkedIn page detection from the URL', () => {
  it.each([
    ['https://www.linkedin.com/in/jan-de-vries-4b2a1/', { kind: 'person', slug: 'jan-de-vries-4b2a1' }],
    ['https://nl.linkedin.com/in/Jan-De-Vries-4b2a1?trk=x', { kind: 'person', slug: 'jan-de-vries-4b2a1' }],
    ['https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa/', { kind: 'person', slug: 'josé-garcía' }],
    ['https://www.linkedin.com/in/jan-de-vries-4b2a1/overlay/contact-info/', { kind: 'person', slug: 'jan-de-vries-4b2a1' }],
    ['https://www.linkedin.com/company/acme-bv/', { kind: 'company', slug: 'acme-bv' }],
    ['https://www.linkedin.com/company/acme-bv/about/', { kind: 'company', slug: 'acme-bv' }],
    ['https://www.linkedin.com/feed/', null],
    ['https://www.linkedin.com/in/', null],
    ['https://www.linkedin.com/messaging/thread/123/', null],
    ['https://www.linkedin.com.evil.example/in/jan/', null],
    ['https://mail.google.com/in/jan/', null],
  ])('%s', (url, expected) => {
    expect(linkedInPage(url)).toEqual(expected);
  });
});

describe('person pages', () => {
  it('classic 2024 layout: Jan de Vries, not the signed-in user, not "People also viewed"', () => {
    const p = extractPerson(pageAt(JAN, fixture('linkedin/person-2024.html')), JAN);
    expect(p).toMatchObject({
      kind: 'person',
      name: 'Jan de Vries',
      firstName: 'Jan',
      lastName: 'de Vries',
      headline: 'Head of Procurement at Acme BV | Sourcing & supplier management',
      companyName: 'Acme BV',
      companyUrl: 'https://www.linkedin.com/company/acme-bv',
      location: 'Utrecht, Utrecht, Netherlands',
      city: 'Utrecht',
      country: 'Netherlands',
      profileUrl: 'https://www.linkedin.com/in/jan-de-vries-4b2a1',
      memberId: '884213377',
    });
    expect(new URL(p!.photoUrl!).hostname).toBe('media.licdn.com');
  });

  it('generated-class 2026 layout: Fatima el Amrani', () => {
    const p = extractPerson(pageAt(FATIMA, fixture('linkedin/person-2026.html')), FATIMA);
    expect(p).toMatchObject({
      name: 'Fatima el Amrani',
      firstName: 'Fatima',
      lastName: 'el Amrani',
      headline: 'Directeur | Duurzame installatietechniek voor utiliteitsbouw',
      companyName: 'Groenhuis Installaties',
      companyUrl: 'https://www.linkedin.com/company/groenhuis-installaties',
      location: 'Rotterdam, South Holland, Netherlands',
      city: 'Rotterdam',
      country: 'Netherlands',
      profileUrl: 'https://www.linkedin.com/in/fatima-el-amrani',
    });
    expect(p!.memberId).toBeUndefined();
  });

  it('Dutch interface: the current-company label in Dutch', () => {
    const html = fixture('linkedin/person-2024.html')
      .replace('Current company: Acme BV. Click to skip to experience card', 'Huidig bedrijf: Acme BV. Klik om naar de ervaringskaart te gaan')
      .replace('Education: Universiteit Utrecht. Click', 'Opleiding: Universiteit Utrecht. Klik')
      .replace('>Contact info<', '>Contactgegevens<')
      .replace('Utrecht, Utrecht, Netherlands', 'Utrecht, Utrecht, Nederland');
    const p = extractPerson(pageAt(JAN, html), JAN);
    expect(p).toMatchObject({ companyName: 'Acme BV', companyUrl: 'https://www.linkedin.com/company/acme-bv', city: 'Utrecht', country: 'Nederland' });
  });

  it('falls back to the page title and og:title when the top card lacks the company button', () => {
    const html = fixture('linkedin/person-2024.html').replace(/<ul class="pv-text-details__right-panel">[\s\S]*?<\/ul>/, '');
    const p = extractPerson(pageAt(JAN, html), JAN);
    expect(p).toMatchObject({ name: 'Jan de Vries', companyName: 'Acme BV', companyUrl: 'https://www.linkedin.com/company/acme-bv' });
  });

  it('names the person from the URL, not from a stale canonical link, and normalises it', () => {
    const url = 'https://nl.linkedin.com/in/Jan-De-Vries-4b2a1/?originalSubdomain=nl';
    const p = extractPerson(pageAt(url, fixture('linkedin/person-2024.html')), url);
    expect(p!.profileUrl).toBe('https://www.linkedin.com/in/jan-de-vries-4b2a1');
  });

  it('returns null on the feed, and on a profile URL whose page has not rendered yet', () => {
    expect(extractPerson(pageAt('https://www.linkedin.com/feed/', fixture('linkedin/feed.html')), 'https://www.linkedin.com/feed/')).toBeNull();
    expect(extractPerson(pageAt(JAN, '<html><body><main></main></body></html>'), JAN)).toBeNull();
  });

  it('keeps markup in scraped text as text', () => {
    const html = fixture('linkedin/person-2024.html').replace(
      'Head of Procurement at Acme BV | Sourcing &amp; supplier management',
      '&lt;img src=x onerror=alert(1)&gt; Inkoper',
    );
    expect(extractPerson(pageAt(JAN, html), JAN)!.headline).toBe('<img src=x onerror=alert(1)> Inkoper');
  });
});

describe('company pages', () => {
  const expected = {
    kind: 'company',
    name: 'Acme BV',
    industry: 'Construction',
    location: 'Utrecht, Utrecht',
    city: 'Utrecht',
    size: '51-200 employees',
    website: 'https://www.acme.example/',
    tagline: 'Slimme inkoop voor de bouw',
    companyUrl: 'https://www.linkedin.com/company/acme-bv',
  };

  it('Acme BV from the 2024 layout', () => {
    expect(extractCompany(pageAt(ACME, fixture('linkedin/company-2024.html')), ACME)).toMatchObject(expected);
  });

  it('also when opened at /about/', () => {
    const url = 'https://www.linkedin.com/company/acme-bv/about/';
    expect(extractCompany(pageAt(url, fixture('linkedin/company-2024.html')), url)).toMatchObject(expected);
  });

  it('from the top card alone when there is no About list', () => {
    const html = fixture('linkedin/company-2024.html').replace(/<dl[\s\S]*?<\/dl>/, '');
    expect(extractCompany(pageAt(ACME, html), ACME)).toMatchObject(expected);
  });

  it('in a Dutch interface', () => {
    const html = fixture('linkedin/company-2024.html')
      .replace('>Industry<', '>Branche<')
      .replace('>Company size<', '>Bedrijfsgrootte<')
      .replace('>Headquarters<', '>Hoofdkantoor<')
      .replace('2,345 followers', '2.345 volgers')
      .replace(/51-200 employees/g, '51-200 medewerkers')
      .replace('>Construction</dd>', '>Bouw</dd>')
      .replace('>Construction</div>', '>Bouw</div>');
    expect(extractCompany(pageAt(ACME, html), ACME)).toMatchObject({
      industry: 'Bouw',
      size: '51-200 medewerkers',
      city: 'Utrecht',
      website: 'https://www.acme.example/',
    });
  });
});
