import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The slowest files, slowest first (measured here in a full run): the rest fill in around them. */
const SLOWEST = [
  'tests/e2e/linkedin-real.test.ts',
  'tests/e2e/firefox.test.ts',
  'tests/e2e/offline.test.ts',
  'tests/server/crash.test.ts',
  'tests/e2e/linkedin.test.ts',
  'tests/extractors/linkedin-real.test.ts',
  'tests/server/http.test.ts',
  'tests/e2e/whole-sale.test.ts',
  'tests/server/fuzz.test.ts',
  'tests/server/intake.test.ts',
  'tests/server/start.test.ts',
  'tests/unit/packages.test.ts',
  'tests/server/locks.test.ts',
  'tests/e2e/dashboard.test.ts',
  'tests/e2e/clickjacking.test.ts',
  'tests/e2e/a11y.test.ts',
];

/**
 * Vitest starts the files it timed before longest first; a fresh clone (CI) has no timings, and a
 * long file that starts last runs alone at the end. These start first.
 */
class SlowestFirst extends BaseSequencer {
  async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = SLOWEST.findIndex((s) => f.moduleId.endsWith(s));
      return i < 0 ? SLOWEST.length : i;
    };
    return sorted
      .map((f, i) => ({ f, i }))
      .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
      .map(({ f }) => f);
  }
}

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    // a limit, not a wait: tests wait on conditions; a loaded 2-core machine may need the room
    testTimeout: 60_000,
    hookTimeout: 120_000,
    sequence: { sequencer: SlowestFirst },
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // two files at a time on two cores; the quick ones fill the gaps left by browsers starting and servers waiting
    maxWorkers: 2,
    // one module graph per worker: files share no state but their imports (server, Playwright: half the time of a quick file)
    isolate: false,
    // the browser tests need the extension built as a user gets it
    globalSetup: ['tests/global-setup.ts'],
  },
});
