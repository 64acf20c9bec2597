/** Free-mail providers: a sender there is a person, never a company account. */
import { domainOf } from '../../shared/email';
const FREE_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'hotmail.nl',
  'live.com',
  'live.nl',
  'msn.com',
  'yahoo.com',
  'yahoo.nl',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.net',
  'gmx.de',
  'web.de',
  'mail.com',
  'zoho.com',
  'yandex.com',
  'ziggo.nl',
  'kpnmail.nl',
  'kpnplanet.nl',
  'planet.nl',
  'home.nl',
  'hetnet.nl',
  'chello.nl',
  'casema.nl',
  'xs4all.nl',
  'telfort.nl',
  'upcmail.nl',
  'tele2.nl',
  'online.nl',
  'quicknet.nl',
  'freeler.nl',
  'skynet.be',
  'telenet.be',
]);

export const isFreeMail = (email: string) => FREE_MAIL.has(domainOf(email));

/** "sales@acme-bouw.example" → "Acme Bouw": a readable name until someone types a better one. */
export function nameFromDomain(domain: string): string {
  const labels = domain.split('.');
  const main =
    labels.length > 2 && ['co', 'com', 'org', 'net'].includes(labels[labels.length - 2]!)
      ? labels[labels.length - 3]!
      : labels.length >= 2
        ? labels[labels.length - 2]!
        : labels[0]!;
  return main
    .split(/[-_]/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}

/** "jan.de.vries@x" → "Jan De Vries" when a sender gave no name. */
export function nameFromAddress(email: string): string {
  return email
    .slice(0, email.indexOf('@'))
    .split(/[._-]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}
