/**
 * A selection file as people have it: UTF-8 (with or without BOM) or
 * Windows-1252 (what Excel on Windows saves), `;` (Dutch Excel), `,` or tab
 * separated, quoted fields with newlines. Parsing is csv-parse's.
 */
import { parse } from 'csv-parse/sync';
import { DomainError } from '../errors';

export interface CsvRow {
  /** the file's line number where the row starts (1 is the header) */
  line: number;
  cells: string[];
}

export interface CsvFile {
  encoding: 'utf-8' | 'windows-1252';
  delimiter: string;
  headers: string[];
  rows: CsvRow[];
}

export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 200_000;

export function decode(bytes: Uint8Array): { text: string; encoding: CsvFile['encoding'] } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not valid UTF-8: the other encoding spreadsheets write here
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** The separator that splits the header line most often (quoted parts ignored). */
function guessDelimiter(text: string): string {
  const firstLine = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

export function readCsv(bytes: Uint8Array): CsvFile {
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new DomainError('BAD_REQUEST', `The file is over ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it into parts`);
  const { text, encoding } = decode(bytes);
  if (!text.trim()) throw new DomainError('BAD_REQUEST', 'The file is empty');
  const delimiter = guessDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (e) {
    // csv-parse names the line; the rest of its message is for programmers
    const line = (e as { lines?: number }).lines;
    throw new DomainError('BAD_REQUEST', `The file cannot be read as CSV${line ? ` near line ${line}` : ''} (an unclosed quote?)`);
  }
  const [header, ...body] = records;
  if (!header) throw new DomainError('BAD_REQUEST', 'The file is empty');
  if (body.length > MAX_IMPORT_ROWS) throw new DomainError('BAD_REQUEST', `At most ${MAX_IMPORT_ROWS} rows in one file; split it into parts`);
  // info.lines is the line the record ends on; a row starts after the previous one ended
  let previousEnd = header.info.lines;
  const rows: CsvRow[] = [];
  for (const { record, info } of body) {
    // a row of empty cells (";;;;" below an Excel sheet) is no row
    if (record.some((c) => c !== '')) rows.push({ line: previousEnd + 1, cells: record });
    previousEnd = info.lines;
  }
  return { encoding, delimiter, headers: header.record, rows };
}
