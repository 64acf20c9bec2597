/**
 * What a field may hold. Every layer's answer passes through here, so that
 * LinkedIn's interface text ("Video Player is loading.", "or", "Follow", a
 * connection degree, pronouns) is never stored as a person's headline or
 * employer.
 */
import { clean } from './text';

const UI_TEXT = new RegExp(
  [
    '^(or|of|and|en|·|•|\\|)$',
    '^(sign in|log in|inloggen|aanmelden|join now|nu lid worden|sign up|registreren|welcome back|welkom terug)\\b',
    '^(follow|following|volgen|volgend|connect|connected|verbinden|message|bericht|more|meer|pending|in afwachting|contact info|contactgegevens|contactinformatie)$',
    '(video|audio) player',
    'is loading\\.?$',
    '^(play|pause|mute|unmute|skip (backward|forward)|current time|duration)\\b',
    '^·?\\s*(1st|2nd|3rd\\+?|1e|2e|3e\\+?)$',
    '^(1st|2nd|3rd|1e|2e|3e)(\\+)? degree connection',
    '^\\d[\\d.,]*\\+?\\s*(connections|followers|connecties|volgers|relaties)$',
    '^\\((he|she|they|hij|zij|hen|die)(/\\w+)*\\)$',
    '^(he|she|they|hij|zij|hen)/(him|her|them|hem|haar|hun)',
    '\\bmutual connections?\\b|gemeenschappelijke connecties?',
    '^(view|bekijk)\\b.*\\b(profile|profiel)',
    '^\\d+ notifications?$|^\\d+ meldingen$',
    '^(premium|open to work|hiring|verified)$',
    '^(cover photo|profile photo|omslagfoto|profielfoto)$',
    '^(show all|alle .* weergeven)\\b',
  ].join('|'),
  'i',
);

export const isUiText = (s: string) => UI_TEXT.test(clean(s));

export function validName(s: string | undefined): s is string {
  const v = clean(s);
  return v.length >= 2 && v.length <= 200 && !isUiText(v) && !/^linkedin$/i.test(v) && !/https?:\/\//.test(v);
}

export function validHeadline(s: string | undefined, name?: string): s is string {
  const v = clean(s);
  if (v.length < 2 || v.length > 500 || isUiText(v)) return false;
  return !name || v.toLowerCase() !== clean(name).toLowerCase();
}

/** An employer's name: not interface text, not a date line, not an employment type. */
export function validCompany(s: string | undefined): s is string {
  const v = clean(s);
  if (v.length < 2 || v.length > 200 || isUiText(v)) return false;
  return !/^(full-time|part-time|fulltime|parttime|voltijd|deeltijd|internship|stage|seasonal|contract|tijdelijk)$/i.test(v) && !PRESENT_RANGE.test(v);
}

/** A date range of a role that goes on today: "Nov 2021 - Present", "mrt. 2020 - heden". */
export const PRESENT_RANGE = /\s[-–]\s*(present|heden|nu|today|now|heute|aujourd[’']hui|actualidad|presente)(?![\p{L}])|\bto present\b|\btot (heden|nu)\b/iu;
