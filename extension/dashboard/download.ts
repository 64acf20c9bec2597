/**
 * Files the dashboard hands to the user: the server's exports and the
 * dashboard's own tables as CSV, written as the user's spreadsheet opens it
 * by a double click: Dutch with `;` and a decimal comma, English with `,` and
 * a decimal point; formulas defused, as in the server's export.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import { defuseFormula } from '../../shared/intake';
import { lang } from '../i18n';

export function downloadText(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  // the download has started by then; the URL only holds memory
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export type CsvCell = string | number | null;

export function tableCsv(header: string[], rows: CsvCell[][]): string {
  const dutch = lang === 'nl';
  // no grouping (1.234 would read as a decimal in Dutch); shares stay fractions (0,5 = 50 %)
  const number = (v: number) => (dutch ? String(v).replace('.', ',') : String(v));
  const cell = (v: CsvCell) => (v === null ? '' : typeof v === 'number' ? number(Math.round(v * 10_000) / 10_000) : defuseFormula(v));
  // a byte-order mark, so that Excel reads the file as UTF-8 (é, ë, €)
  return `\uFEFF${stringify([header.map(cell), ...rows.map((r) => r.map(cell))], { delimiter: dutch ? ';' : ',' })}`;
}
