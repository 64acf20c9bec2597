import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh libSQL file URL in a new temporary folder. */
export const tmpDbUrl = (name = 'test') => `file:${join(mkdtempSync(join(tmpdir(), `phase-crm-${name}-`)), 'db.sqlite')}`;
