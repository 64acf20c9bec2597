import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/server';
import { acme, jan } from '../helpers/data';

describe('capture from LinkedIn', () => {
  it('makes the company an account in suspect, with the person as contact, in one call', async () => {
    const { user } = await testDb();
    const { api } = await user('pieter@verkoop.example');
    const r = await api.capture.linkedInPerson({ person: jan });
    expect(r.createdAccount).toBe(true);
    const account = await api.accounts.get({ id: r.accountId });
    expect(account.name).toBe('Acme BV');
    expect(account.phase).toBe('suspect');
    expect(account.city).toBe('Utrecht');
    expect(account.source).toBe('LinkedIn');
    expect(account.contacts).toEqual([expect.objectContaining({ name: 'Jan de Vries', lastName: 'de Vries', linkedinUrl: jan.profileUrl })]);
    expect(account.phaseChanges).toEqual([expect.objectContaining({ from: null, to: 'suspect' })]);
    expect(account.activities.map((a) => a.type)).toEqual(['linkedin_capture']);
    expect(account.phaseChanges[0]!.evidenceActivityId).toBe(account.activities[0]!.id);
  });

  it('never makes a duplicate: the same profile, by URL or member id, returns the same records', async () => {
    const { user } = await testDb();
    const { api } = await user('pieter@verkoop.example');
    const first = await api.capture.linkedInPerson({ person: jan });
    const again = await api.capture.linkedInPerson({ person: jan });
    const byMemberId = await api.capture.linkedInPerson({ person: { ...jan, profileUrl: 'https://www.linkedin.com/in/jan-renamed' } });
    expect(again).toMatchObject({ accountId: first.accountId, contactId: first.contactId, createdAccount: false, createdContact: false });
    expect(byMemberId.contactId).toBe(first.contactId);
    expect(await api.accounts.search({})).toHaveLength(1);
  });

  it('adds a colleague at a known company to that account, matched by company URL or name', async () => {
    const { user } = await testDb();
    const { api } = await user('pieter@verkoop.example');
    const first = await api.capture.linkedInPerson({ person: jan });
    const eva = await api.capture.linkedInPerson({
      person: {
        ...jan,
        name: 'Eva Smit',
        firstName: 'Eva',
        lastName: 'Smit',
        profileUrl: 'https://www.linkedin.com/in/eva-smit',
        memberId: undefined,
        companyUrl: undefined,
        companyName: 'acme bv',
      },
    });
    expect(eva).toMatchObject({ accountId: first.accountId, createdAccount: false, createdContact: true });
    const account = await api.accounts.get({ id: first.accountId });
    expect(account.contacts.map((c) => c.name)).toEqual(['Jan de Vries', 'Eva Smit']);
    expect(account.phaseChanges).toHaveLength(1);
  });

  it('finds the company by name however many companies share its first letters', async () => {
    const { user } = await testDb();
    const { api } = await user('pieter@verkoop.example');
    // 80 companies starting with "Bouwbedrijf": matching by a short prefix with a cap would miss the last ones
    const ids: string[] = [];
    for (let i = 1; i <= 80; i++)
      ids.push(
        (
          await api.capture.linkedInPerson({
            person: {
              ...jan,
              profileUrl: `https://www.linkedin.com/in/p-${i}`,
              memberId: undefined,
              name: `Persoon ${i}`,
              companyName: `Bouwbedrijf ${i} BV`,
              companyUrl: undefined,
            },
          })
        ).accountId,
      );
    // a colleague at "BOUWBEDRIJF 80 B.V." joins the 80th company, not a new account
    const colleague = await api.capture.linkedInPerson({
      person: {
        ...jan,
        profileUrl: 'https://www.linkedin.com/in/collega',
        memberId: undefined,
        name: 'Collega Tachtig',
        companyName: 'BOUWBEDRIJF 80 B.V.',
        companyUrl: undefined,
      },
    });
    expect(colleague).toMatchObject({ accountId: ids[79], createdAccount: false });
    expect(await api.accounts.search({ limit: 200 })).toHaveLength(80);
  });

  it('captures a company page, and a later person capture joins it', async () => {
    const { user } = await testDb();
    const { api } = await user('pieter@verkoop.example');
    const company = await api.capture.linkedInCompany({ company: acme });
    const account = await api.accounts.get({ id: company.accountId });
    expect(account).toMatchObject({ name: 'Acme BV', industry: 'Construction', emailDomain: 'acme.example', phase: 'suspect' });
    expect((await api.capture.linkedInCompany({ company: acme })).accountId).toBe(company.accountId);
    expect((await api.capture.linkedInPerson({ person: jan })).accountId).toBe(company.accountId);
  });

  it('a person without a company becomes a person account', async () => {
    const { user } = await testDb();
    const { api } = await user('pieter@verkoop.example');
    const r = await api.capture.linkedInPerson({ person: { ...jan, companyName: undefined, companyUrl: undefined } });
    expect(await api.accounts.get({ id: r.accountId })).toMatchObject({ name: 'Jan de Vries', kind: 'person' });
  });
});

describe('capture from e-mail', () => {
  it('an unknown sender who wrote to us: account named from the domain, contact, prospect', async () => {
    const { user } = await testDb();
    const { api } = await user('pieter@verkoop.example');
    const r = await api.capture.emailContact({ person: { email: 'Jan.DeVries@Acme.example', name: 'Jan de Vries' }, wroteToUs: true });
    const account = await api.accounts.get({ id: r.accountId });
    expect(account).toMatchObject({ name: 'Acme', kind: 'company', emailDomain: 'acme.example', phase: 'prospect' });
    expect(account.contacts[0]).toMatchObject({ name: 'Jan de Vries', email: 'jan.devries@acme.example' });
    expect(account.phaseChanges[0]).toMatchObject({ from: null, to: 'prospect', skipped: ['suspect'] });
  });

  it('a new colleague at a known domain joins that account', async () => {
    const { user } = await testDb();
    const { api } = await user('pieter@verkoop.example');
    const jan = await api.capture.emailContact({ person: { email: 'jan.devries@acme.example', name: 'Jan de Vries' }, wroteToUs: true });
    const marieke = await api.capture.emailContact({ person: { email: 'm.jansen@acme.example', name: 'Marieke Jansen' }, wroteToUs: false });
    expect(marieke).toMatchObject({ accountId: jan.accountId, createdAccount: false, createdContact: true });
  });

  it('a free-mail sender is a person account, never a company named "Gmail"', async () => {
    const { user } = await testDb();
    const { api } = await user('pieter@verkoop.example');
    const a = await api.capture.emailContact({ person: { email: 'kees.mulder@gmail.com', name: '' }, wroteToUs: true });
    const b = await api.capture.emailContact({ person: { email: 'anouk@gmail.com', name: 'Anouk de Graaf' }, wroteToUs: true });
    expect(a.accountId).not.toBe(b.accountId);
    expect(await api.accounts.get({ id: a.accountId })).toMatchObject({ name: 'Kees Mulder', kind: 'person', emailDomain: null });
  });
});

describe('LinkedIn first, then e-mail', () => {
  it('the same person writing from the company domain joins the LinkedIn account and contact', async () => {
    const { user } = await testDb();
    const { api } = await user('pieter@verkoop.example');
    const li = await api.capture.linkedInPerson({ person: jan });
    const mail = await api.capture.emailContact({ person: { email: 'jan.devries@acme.example', name: 'Jan de Vries' }, wroteToUs: true });
    expect(mail).toMatchObject({ accountId: li.accountId, contactId: li.contactId, createdAccount: false, createdContact: false });
    const account = await api.accounts.get({ id: li.accountId });
    expect(account).toMatchObject({ emailDomain: 'acme.example' });
    expect(account.contacts).toEqual([expect.objectContaining({ name: 'Jan de Vries', email: 'jan.devries@acme.example', linkedinUrl: jan.profileUrl })]);
  });
});
