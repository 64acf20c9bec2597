/**
 * Google Calendar invitations as Gmail shows them, by subject, in English and
 * Dutch: "Invitation: Kennismaking @ Tue Mar 10, 2026 10am - 11am (CET) (jan@…)",
 * "Updated invitation: …", "Canceled event: …", "Uitnodiging: Kennismaking @
 * di 10 mrt 2026 10:00 - 11:00 (CET) (jan@…)", "Bijgewerkte uitnodiging: …",
 * "Geannuleerd evenement: …". Gives the kind, the meeting's title and its
 * start as milliseconds since 1970.
 */
export type Invitation = { kind: 'invite' | 'update' | 'cancel'; title: string; start: number };

const PREFIX: [RegExp, Invitation['kind']][] = [
  [/^(updated invitation( with note)?|bijgewerkte uitnodiging( met notitie)?)\s*:\s*/i, 'update'],
  [/^(cancell?ed event( with note)?|geannuleerd(e)? (evenement|afspraak)( met notitie)?|afgezegd evenement)\s*:\s*/i, 'cancel'],
  [/^(invitation|uitnodiging)\s*:\s*/i, 'invite'],
];

const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  mrt: 2,
  apr: 3,
  may: 4,
  mei: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  okt: 9,
  nov: 10,
  dec: 11,
};

/** Hours east of UTC for the zones the subject names; Amsterdam's when none is given. */
function offsetHours(zone: string | undefined, month: number): number {
  const z = (zone ?? '').toUpperCase();
  const gmt = /^(?:GMT|UTC)([+-]\d{1,2})(?::?(\d{2}))?$/.exec(z);
  if (gmt) return Number(gmt[1]) + (Number(gmt[2] ?? 0) / 60) * Math.sign(Number(gmt[1]));
  if (z === 'UTC' || z === 'GMT') return 0;
  if (z === 'CEST') return 2;
  if (z === 'CET') return 1;
  if (z === 'BST') return 1;
  // no zone: Central European time, summer time roughly April to October
  return month >= 3 && month <= 9 ? 2 : 1;
}

function start(when: string): number | null {
  const en = /(?:[a-z]{3},?\s+)?([a-z]{3})\s+(\d{1,2}),?\s+(\d{4})\s+(\d{1,2})(?::(\d{2}))?\s*(am|pm)?/i.exec(when);
  const nl = /(?:[a-z]{2,3}\.?\s+)?(\d{1,2})\s+([a-z]{3})\.?\s+(\d{4})\s+(\d{1,2})[:.](\d{2})/i.exec(when);
  let y: number, mo: number | undefined, d: number, h: number, mi: number;
  if (nl && MONTHS[nl[2]!.toLowerCase()] !== undefined) {
    [y, mo, d, h, mi] = [Number(nl[3]), MONTHS[nl[2]!.toLowerCase()], Number(nl[1]), Number(nl[4]), Number(nl[5])];
  } else if (en && MONTHS[en[1]!.toLowerCase()] !== undefined) {
    [y, mo, d, h, mi] = [Number(en[3]), MONTHS[en[1]!.toLowerCase()], Number(en[2]), Number(en[4]), Number(en[5] ?? 0)];
    const ampm = en[6]?.toLowerCase();
    if (ampm === 'pm' && h < 12) h += 12;
    if (ampm === 'am' && h === 12) h = 0;
  } else return null;
  if (mo === undefined || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const zone = /\(([A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?)\)/.exec(when)?.[1];
  return Date.UTC(y, mo, d, h, mi) - offsetHours(zone, mo) * 3600_000;
}

export function parseInvitation(subject: string): Invitation | null {
  const s = subject.trim();
  for (const [re, kind] of PREFIX) {
    const m = re.exec(s);
    if (!m) continue;
    const rest = s.slice(m[0].length);
    const at = rest.lastIndexOf(' @ ');
    if (at < 0) return null;
    const when = start(rest.slice(at + 3));
    const title = rest.slice(0, at).trim();
    return when === null || !title ? null : { kind, title, start: when };
  }
  return null;
}
