import { describe, expect, it } from 'vitest';
import { parseInvitation } from '../../shared/invitations';

describe('calendar invitations by their subject', () => {
  it.each([
    [
      'Invitation: Kennismaking Acme @ Tue Mar 10, 2026 10am - 11am (CET) (jan.devries@acme.example)',
      'invite',
      'Kennismaking Acme',
      Date.UTC(2026, 2, 10, 9, 0),
    ],
    [
      'Updated invitation: Kennismaking Acme @ Wed Mar 11, 2026 2:30pm - 3:30pm (CET) (pieter@verkoop.example)',
      'update',
      'Kennismaking Acme',
      Date.UTC(2026, 2, 11, 13, 30),
    ],
    [
      'Canceled event: Kennismaking Acme @ Wed Mar 11, 2026 2:30pm - 3:30pm (CET) (pieter@verkoop.example)',
      'cancel',
      'Kennismaking Acme',
      Date.UTC(2026, 2, 11, 13, 30),
    ],
    ['Uitnodiging: Demo @ di 5 mei 2026 10:00 - 11:00 (CEST) (jan@acme.example)', 'invite', 'Demo', Date.UTC(2026, 4, 5, 8, 0)],
    ['Bijgewerkte uitnodiging: Demo @ wo 6 mei 2026 09:15 - 10:00 (CEST) (jan@acme.example)', 'update', 'Demo', Date.UTC(2026, 4, 6, 7, 15)],
    ['Geannuleerd evenement: Demo @ wo 6 mei 2026 09:15 - 10:00 (CEST) (jan@acme.example)', 'cancel', 'Demo', Date.UTC(2026, 4, 6, 7, 15)],
    ['Invitation: Call @ Mon Jun 1, 2026 12pm - 1pm (GMT+1) (x@y.example)', 'invite', 'Call', Date.UTC(2026, 5, 1, 11, 0)],
  ])('%s', (subject, kind, title, start) => {
    expect(parseInvitation(subject)).toEqual({ kind, title, start });
  });

  it('is not fooled by ordinary subjects', () => {
    for (const s of ['Offerte bouwmaterialen Q2', 'Re: Invitation to tender', 'Invitation: no date here', 'Uitnodiging: Borrel @ binnenkort'])
      expect(parseInvitation(s)).toBeNull();
  });
});
