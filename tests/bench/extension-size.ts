/** The built extension's content scripts and sidebar frame, raw and gzip. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { kb, type Row } from './table';

const DIR = '.output/chrome-mv3';

function sizes(files: string[]) {
  const raw = files.reduce((n, f) => n + readFileSync(join(DIR, f)).length, 0);
  const gz = files.reduce((n, f) => n + gzipSync(readFileSync(join(DIR, f))).length, 0);
  return { raw, gz };
}

/** The frame's page and every script and style it loads. */
function frameFiles(): string[] {
  const html = readFileSync(join(DIR, 'sidebar.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  return ['sidebar.html', ...new Set(refs)];
}

export function extensionSize(): Row[] {
  const rows: Row[] = [];
  for (const f of readdirSync(join(DIR, 'content-scripts'))) {
    const s = sizes([`content-scripts/${f}`]);
    rows.push({ benchmark: 'extension size', measure: `content script ${f}`, value: `${kb(s.raw)} raw, ${kb(s.gz)} gzip`, target: '< 12 KB gzip' });
  }
  const frame = sizes(frameFiles());
  rows.push({
    benchmark: 'extension size',
    measure: 'sidebar frame (html+js+css)',
    value: `${kb(frame.raw)} raw, ${kb(frame.gz)} gzip`,
    target: '< 30 KB gzip',
  });
  const bg = sizes(['background.js']);
  rows.push({ benchmark: 'extension size', measure: 'background worker', value: `${kb(bg.raw)} raw, ${kb(bg.gz)} gzip` });
  return rows;
}
