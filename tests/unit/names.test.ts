import { describe, expect, it } from 'vitest';
import { splitName } from '../../shared/names';
import { companyKey } from '../../server/db/name-key';
import { isFreeMail, nameFromDomain } from '../../server/domain/free-mail';

describe('names', () => {
  it.each([
    ['Jan de Vries', 'Jan', 'de Vries'],
    ['Fatima el Amrani', 'Fatima', 'el Amrani'],
    ['Pieter van den Berg', 'Pieter', 'van den Berg'],
    ['Anna Maria van der Heijden', 'Anna Maria', 'van der Heijden'],
    ['Marieke Jansen', 'Marieke', 'Jansen'],
    ['Cher', 'Cher', ''],
    ["Kees van 't Hek", 'Kees', "van 't Hek"],
  ])('%s → %s | %s', (full, first, last) => {
    expect(splitName(full)).toEqual({ firstName: first, lastName: last });
  });

  it('compares company names without legal forms', () => {
    expect(companyKey('Acme BV')).toBe(companyKey('Acme'));
    expect(companyKey('Acme B.V.')).toBe('acme');
    expect(companyKey('Groenhuis Installaties')).not.toBe(companyKey('Groenhuis'));
  });

  it('gives every spelling of a company one key (case, punctuation, legal form, accents kept)', () => {
    const same = ['Acme BV', 'ACME B.V.', 'Acme', 'acme bv', 'Acme Holding BV', 'Acme, B.V.'];
    for (const a of same) expect(companyKey(a)).toBe('acme');
    expect(companyKey('École Bakker')).toBe('écolebakker');
    expect(companyKey('Bouwbedrijf 80 BV')).not.toBe(companyKey('Bouwbedrijf 8 BV'));
    expect(companyKey('...')).toBe('');
  });

  it('names accounts from domains, and knows free-mail', () => {
    expect(nameFromDomain('acme.example')).toBe('Acme');
    expect(nameFromDomain('mail.groenhuis-installaties.nl')).toBe('Groenhuis Installaties');
    expect(nameFromDomain('bakker.co.uk')).toBe('Bakker');
    expect(isFreeMail('x@Ziggo.nl')).toBe(true);
    expect(isFreeMail('x@acme.example')).toBe(false);
  });
});
