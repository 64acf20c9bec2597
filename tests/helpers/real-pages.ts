/** The expectations for the real LinkedIn pages, and how a result is scored against them (tests and bench share it). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface RealPage {
  id: string;
  file: string;
  url: string;
  kind: 'person' | 'company';
  layout: string;
  group: string;
  expected: Record<string, string | null>;
  accept?: Record<string, string[]>;
}

export function realExpectations(): RealPage[] {
  return JSON.parse(readFileSync(resolve('tests/fixtures/linkedin/real/expected.json'), 'utf8')).linkedin;
}

/** Every expected field compared as a reader would: the value, or one of the accepted ones; null means none. */
export function scoreFields(page: RealPage, got: Record<string, unknown> | null) {
  const right: string[] = [];
  const wrong: string[] = [];
  for (const [field, want] of Object.entries(page.expected)) {
    const value = got?.[field] ?? null;
    const ok = [want, ...(page.accept?.[field] ?? [])].includes(value as string | null);
    (ok ? right : wrong).push(ok ? field : `${field}: ${JSON.stringify(value)} (expected ${JSON.stringify(want)})`);
  }
  return { right, wrong };
}
