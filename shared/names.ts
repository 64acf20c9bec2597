/**
 * Splits a full name into first and last name, keeping Dutch particles
 * ("de", "van den", "el") in the last name: "Jan de Vries" → Jan / de Vries.
 */
const PARTICLES = new Set([
  'de',
  'den',
  'der',
  'van',
  'von',
  'het',
  "'t",
  'ten',
  'ter',
  'te',
  'el',
  'al',
  'la',
  'le',
  'du',
  'di',
  'da',
  'op',
  'in',
  "d'",
  'vd',
  'v.d.',
]);

export function splitName(full: string): { firstName: string; lastName: string } {
  const words = full.trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return { firstName: words[0] ?? '', lastName: '' };
  let i = 1;
  // the first name ends where the first particle starts, or at the last word
  while (i < words.length - 1 && !PARTICLES.has(words[i]!.toLowerCase())) i++;
  return { firstName: words.slice(0, i).join(' '), lastName: words.slice(i).join(' ') };
}

export const fullName = (c: { firstName: string; lastName: string }) => [c.firstName, c.lastName].filter(Boolean).join(' ');
