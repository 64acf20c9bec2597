import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';

/** A fixture (or any HTML) as a Document at the URL it stands for, without running its scripts. */
export function pageAt(url: string, html: string): Document {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  window.document.write(html);
  return window.document as unknown as Document;
}

export const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
