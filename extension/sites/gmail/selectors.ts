/**
 * Every Gmail selector, in one place. Gmail's class names are short and
 * generated; the anchors here are attributes Gmail has kept for years
 * (data-legacy-thread-id, data-legacy-message-id, span[email]), the account
 * button's aria-label and the page title. Add variants beside these with a
 * dated note when Gmail changes.
 */
export const GM = {
  main: '[role="main"]',
  thread: 'h2[data-legacy-thread-id]',
  message: '[data-legacy-message-id]',
  /** the sender of a message: the first person in its header (h3), "gD" since 2012 */
  sender: 'h3 [email], .gD[email]',
  /** "to X, cc: Y" line of an expanded message */
  recipients: '.hb',
  person: '[email]',
  /** a conversation row of a thread list (inbox, label, search) */
  listRow: 'tr[role="row"]',
  body: '.a3s',
  quote: '.gmail_quote, blockquote',
  /** the account button: "Google Account: Pieter Bos (pieter@…)"; nl: "Google-account: …" */
  accountButton: 'header a[aria-label*="@"], a[aria-label^="Google"][aria-label*="@"]',
} as const;

/** The recipient-line words that start the cc part, in English and Dutch ("cc:"). */
export const CC_MARK = /\b(cc|bcc)\s*:/i;
