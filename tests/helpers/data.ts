/** Extractor outputs as the fixtures in tests/fixtures produce them, for server-level tests. */
import type { GmailThread, LinkedInCompany, LinkedInPerson } from '../../shared/schemas';

export const jan: LinkedInPerson = {
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
};

/** The i-th of many people like Jan, each with a profile and a company of their own (so that each capture makes a new account). */
export const someone = (tag: string, i: number): LinkedInPerson => ({
  ...jan,
  profileUrl: `https://www.linkedin.com/in/${tag}-${i}`,
  memberId: undefined,
  name: `Persoon ${tag} ${i}`,
  companyName: `Bedrijf ${tag} ${i} BV`,
  companyUrl: undefined,
});

export const acme: LinkedInCompany = {
  kind: 'company',
  name: 'Acme BV',
  industry: 'Construction',
  size: '51-200 employees',
  location: 'Utrecht, Utrecht',
  city: 'Utrecht',
  website: 'https://www.acme.example/',
  tagline: 'Slimme inkoop voor de bouw',
  companyUrl: 'https://www.linkedin.com/company/acme-bv',
};

const pieter = { email: 'pieter@verkoop.example', name: 'Pieter Bos' };
const janMail = { email: 'jan.devries@acme.example', name: 'Jan de Vries' };
const marieke = { email: 'm.jansen@acme.example', name: 'Marieke Jansen' };

export const offerteThread: GmailThread = {
  user: 'pieter@verkoop.example',
  threadId: '19cb2f7f30052e6b',
  subject: 'Offerte bouwmaterialen Q2',
  messages: [
    { id: '19cb2f7f30052e6b', from: pieter, to: [janMail], cc: [], at: Date.UTC(2026, 2, 3, 9, 12), snippet: 'Goedemorgen Jan,', direction: 'out' },
    { id: '19cbe775ea0f2a74', from: janMail, to: [pieter], cc: [marieke], at: Date.UTC(2026, 2, 5, 14, 47), snippet: 'Hoi Pieter,', direction: 'in' },
    { id: '19cbe851a40269e0', from: pieter, to: [janMail], cc: [marieke], at: Date.UTC(2026, 2, 5, 15, 2), snippet: 'Top Jan', direction: 'out' },
  ],
  external: [janMail, marieke],
};
