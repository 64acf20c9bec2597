/** UI text in Dutch and English, by the browser's language. Phase ids stay English in code and data. */
import type { Label, Lang } from '../shared/phases';

export const lang: Lang = (globalThis.navigator?.language ?? 'en').toLowerCase().startsWith('nl') ? 'nl' : 'en';
export const label = (l: Label) => l[lang];

const TEXT = {
  collapse: { nl: 'Inklappen', en: 'Collapse' },
  expand: { nl: 'Uitklappen', en: 'Expand' },
  loading: { nl: 'Laden…', en: 'Loading…' },
  saving: { nl: 'Opslaan…', en: 'Saving…' },
  saved: { nl: 'Opgeslagen', en: 'Saved' },
  notConfigured: { nl: 'Niet verbonden met een server.', en: 'Not connected to a server.' },
  openOptions: { nl: 'Instellingen openen', en: 'Open settings' },
  unauthorized: { nl: 'De server weigert je token. Vul een nieuw token in.', en: 'The server refused your token. Enter a new one.' },
  unreachable: { nl: 'De server is niet bereikbaar. Probeer het zo opnieuw.', en: 'The server cannot be reached. Try again in a moment.' },
  expired: { nl: 'Deze zijbalk hoort bij een pagina die je hebt verlaten.', en: 'This sidebar belongs to a page you have left.' },
  retry: { nl: 'Opnieuw', en: 'Retry' },
  captureSuspect: { nl: 'Vastleggen als suspect', en: 'Capture as suspect' },
  captureCompany: { nl: 'Bedrijf vastleggen', en: 'Capture company' },
  notInCrm: { nl: 'Nog niet in je CRM.', en: 'Not in your CRM yet.' },
  knownCompany: { nl: 'Het bedrijf is bekend; deze persoon nog niet.', en: 'The company is known; this person is not yet.' },
  addAsContact: { nl: 'Toevoegen als contactpersoon', en: 'Add as contact' },
  proposed: { nl: 'Voorstel', en: 'Proposed' },
  accept: { nl: 'Bevestigen', en: 'Confirm' },
  dismiss: { nl: 'Negeren', en: 'Dismiss' },
  gaps: { nl: 'Nog in te vullen', en: 'Still to fill in' },
  noGaps: { nl: 'Checklist compleet', en: 'Checklist complete' },
  lastActivities: { nl: 'Laatste activiteiten', en: 'Last activities' },
  noActivities: { nl: 'Nog geen activiteiten', en: 'No activities yet' },
  moveBack: { nl: 'Terugzetten naar', en: 'Move back to' },
  reason: { nl: 'Reden', en: 'Reason' },
  noteOptional: { nl: 'Toelichting (optioneel)', en: 'Note (optional)' },
  confirmMove: { nl: 'Terugzetten', en: 'Move back' },
  cancel: { nl: 'Annuleren', en: 'Cancel' },
  logThread: { nl: 'Draad vastleggen', en: 'Log this thread' },
  messages: { nl: 'berichten', en: 'messages' },
  threadLogged: { nl: 'Vastgelegd', en: 'Logged' },
  tooManyRecipients: { nl: 'Meer dan 20 ontvangers: deze draad wordt niet vastgelegd.', en: 'More than 20 recipients: this thread is not logged.' },
  privateParticipant: { nl: 'Staat op je privacylijst: wordt niet vastgelegd.', en: 'On your privacy list: not logged.' },
  addCompany: { nl: 'Bedrijf toevoegen', en: 'Add company' },
  addPerson: { nl: 'Persoon toevoegen', en: 'Add person' },
  newColleague: { nl: 'Nieuwe collega bij', en: 'New colleague at' },
  nobodyOutside: { nl: 'Niemand van buiten je bedrijf in deze draad.', en: 'Nobody from outside your company in this thread.' },
  dashboard: { nl: 'Dashboard', en: 'Dashboard' },
  contacts: { nl: 'Contactpersonen', en: 'Contacts' },
  phase: { nl: 'Fase', en: 'Phase' },
  serverUrl: { nl: 'Server-URL', en: 'Server URL' },
  token: { nl: 'Token', en: 'Token' },
  save: { nl: 'Opslaan', en: 'Save' },
  connected: { nl: 'Verbonden', en: 'Connected' },
  connectedAs: { nl: 'Verbonden als', en: 'Connected as' },
  neverLog: { nl: 'Nooit vastleggen (adressen of domeinen, één per regel)', en: 'Never log (addresses or domains, one per line)' },
  permissionDenied: { nl: 'Zonder toestemming voor deze server kan de extensie hem niet bereiken.', en: 'Without permission for this server the extension cannot reach it.' },
} satisfies Record<string, Label>;

export type TextKey = keyof typeof TEXT;
export const t = (key: TextKey) => TEXT[key][lang];
