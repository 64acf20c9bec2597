/** `admin export`: one file per table, written as it is read (a million activities never sit in memory). */
import { createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Db } from '../db/client';
import type { Actor } from '../domain/actor';
import { exportFileName, exportTable } from '../domain/intake/export';
import { EXPORT_TABLE_NAMES } from '../../shared/intake';
import { exportOptions } from '../../shared/schemas';

export async function exportAll(db: Db, actor: Actor, dir: string, format = 'csv', delimiter = ';') {
  const opts = exportOptions.safeParse({ format, delimiter });
  if (!opts.success) throw new Error('export takes --format csv|jsonl and --delimiter ";" or ","');
  mkdirSync(dir, { recursive: true });
  const files: Record<string, { file: string; bytes: number }> = {};
  for (const table of EXPORT_TABLE_NAMES) {
    const file = join(dir, exportFileName(table, opts.data.format));
    const out = createWriteStream(file);
    let bytes = 0;
    for await (const chunk of exportTable(db, actor, table, opts.data)) {
      bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    files[table] = { file, bytes };
  }
  return { format: opts.data.format, files };
}
