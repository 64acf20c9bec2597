import { describe, expect, it } from 'vitest';
import { splitName } from '../../shared/names';
import { companyKey, namePrefix } from '../../server/domain/matching';
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

  it('narrows company matching by how the name begins, as SQLite lowers it', () => {
    expect(namePrefix('Acme B.V.')).toBe('acme');
    expect(namePrefix('Bouwbedrijf 80 BV')).toBe('bouwbedrijf 80');
    expect(namePrefix('École Bakker')).toBe('');
    // every spelling the matcher treats as the same company (case, legal form) begins with the prefix of any other
    const same = ['Acme BV', 'ACME B.V.', 'Acme', 'acme bv', 'Acme Holding BV'];
    for (const a of same)
      for (const b of same) {
        expect(companyKey(a)).toBe(companyKey(b));
        expect(b.replace(/[A-Z]/g, (c) => c.toLowerCase()).startsWith(namePrefix(a))).toBe(true);
      }
  });

  it('names accounts from domains, and knows free-mail', () => {
    expect(nameFromDomain('acme.example')).toBe('Acme');
    expect(nameFromDomain('mail.groenhuis-installaties.nl')).toBe('Groenhuis Installaties');
    expect(nameFromDomain('bakker.co.uk')).toBe('Bakker');
    expect(isFreeMail('x@Ziggo.nl')).toBe(true);
    expect(isFreeMail('x@acme.example')).toBe(false);
  });
});
