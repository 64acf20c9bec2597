import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/server';
import { acme, jan } from '../helpers/data';
import type { ExtractionInfo } from '../../shared/schemas';

const info = (layout: string, missing: string[], sources: ExtractionInfo['sources'] = {}): ExtractionInfo => ({
  version: '2026.11.28',
  layout,
  sources,
  missing,
});

describe('the contract fields of a LinkedIn capture', () => {
  it('accounts.get gives the contact headline, location and profile, and the account kind, place, website and company page', async () => {
    const { user } = await testDb();
    const { api } = await user('pieter@verkoop.example');
    const company = await api.capture.linkedInCompany({ company: { ...acme, country: 'Netherlands', location: 'Utrecht, Netherlands' } });
    const person = await api.capture.linkedInPerson({ person: jan });
    expect(person.accountId).toBe(company.accountId);
    const account = await api.accounts.get({ id: person.accountId });
    expect(account).toMatchObject({
      name: 'Acme BV',
      kind: 'company',
      city: 'Utrecht',
      country: 'Netherlands',
      industry: 'Construction',
      size: '51-200 employees',
      website: 'https://www.acme.example/',
      tagline: 'Slimme inkoop voor de bouw',
      linkedinCompanyUrl: 'https://www.linkedin.com/company/acme-bv',
    });
    expect(account.contacts).toEqual([
      expect.objectContaining({ name: 'Jan de Vries', headline: jan.headline, location: 'Utrecht, Utrecht, Netherlands', linkedinUrl: jan.profileUrl }),
    ]);
  });

  it('a profile without a current employer is a person account', async () => {
    const { user } = await testDb();
    const { api } = await user('pieter@verkoop.example');
    const r = await api.capture.linkedInPerson({ person: { ...jan, companyName: undefined, companyUrl: undefined } });
    expect(await api.accounts.get({ id: r.accountId })).toMatchObject({ kind: 'person', name: 'Jan de Vries', linkedinCompanyUrl: null });
  });

  it('lookupLinkedIn finds a captured person whatever the country host, slash, query or case of the URL', async () => {
    const { user } = await testDb();
    const { api } = await user('pieter@verkoop.example');
    const r = await api.capture.linkedInPerson({ person: { ...jan, memberId: undefined, profileUrl: 'https://nl.linkedin.com/in/Jan-De-Vries-4b2a1/?trk=x' } });
    for (const profileUrl of [
      'https://www.linkedin.com/in/jan-de-vries-4b2a1',
      'https://www.linkedin.com/in/jan-de-vries-4b2a1/',
      'https://se.linkedin.com/in/jan-de-vries-4b2a1?originalSubdomain=se',
    ]) {
      const found = await api.accounts.lookupLinkedIn({ profileUrl });
      expect(found.matchedBy, profileUrl).toBe('person');
      expect(found.account!.id).toBe(r.accountId);
    }
    expect((await api.accounts.lookupLinkedIn({ profileUrl: 'https://www.linkedin.com/in/someone-else' })).matchedBy).toBeNull();
  });
});

describe('capture health', () => {
  it('counts per window and layout family what the pages gave, from what was captured', async () => {
    const { user } = await testDb();
    const { api } = await user('pieter@verkoop.example', 'Verkoop BV', 'manager');
    await api.capture.linkedInPerson({ person: { ...jan, extraction: info('sdui-2026', []) } });
    await api.capture.linkedInPerson({
      person: {
        ...jan,
        profileUrl: 'https://www.linkedin.com/in/eva',
        memberId: undefined,
        name: 'Eva',
        headline: undefined,
        companyName: undefined,
        companyUrl: undefined,
        location: undefined,
        extraction: info('sdui-2026', ['headline', 'company', 'location']),
      },
    });
    await api.capture.linkedInPerson({
      person: {
        ...jan,
        profileUrl: 'https://www.linkedin.com/in/piet',
        memberId: undefined,
        name: 'Piet',
        extraction: info('guest+data', [], { name: 'url' }),
      },
    });
    await api.capture.linkedInCompany({ company: { ...acme, extraction: info('company-2026', []) } });

    const h = await api.reports.captureHealth();
    const week = h.windows.find((w) => w.days === 7)!;
    expect(week).toMatchObject({ captures: 3, name: 2 / 3, headline: 2 / 3, company: 2 / 3, location: 2 / 3 });
    const sdui = h.layouts.find((l) => l.layout === 'sdui-2026')!;
    expect(sdui).toMatchObject({ kind: 'person', version: '2026.11.28', last7: { captures: 2, headline: 0.5, company: 0.5 } });
    expect(h.layouts.find((l) => l.layout === 'company-2026')).toMatchObject({ kind: 'company', last30: { captures: 1, name: 1 } });
  });

  it('a rep sees the health of their own captures only; another team sees none', async () => {
    const { user } = await testDb();
    const { api: pieter } = await user('pieter@verkoop.example');
    const { api: eva } = await user('eva@verkoop.example');
    const { api: other } = await user('x@other.example', 'Other BV', 'manager');
    await pieter.capture.linkedInPerson({ person: { ...jan, extraction: info('sdui-2026', []) } });
    expect((await pieter.reports.captureHealth()).windows[0]!.captures).toBe(1);
    expect((await eva.reports.captureHealth()).windows[0]!.captures).toBe(0);
    expect((await other.reports.captureHealth()).layouts).toEqual([]);
  });

  it('refuses an extraction record that is not one', async () => {
    const { user } = await testDb();
    const { api } = await user('pieter@verkoop.example');
    await expect(
      api.capture.linkedInPerson({ person: { ...jan, extraction: { version: 'x', layout: 'Bad Layout!', sources: {}, missing: [] } } }),
    ).rejects.toThrow(/layout/);
  });
});
