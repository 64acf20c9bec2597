import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Tests that start browsers, builds or server processes: after the rest, two
 * files at a time (each has its own server, database file and browser
 * profile; the builds in `.output` are only read, the package test zips elsewhere).
 */
const PROCESSES = [
  'tests/e2e/**/*.test.ts',
  'tests/unit/packages.test.ts',
  'tests/extractors/linkedin-real.test.ts',
  'tests/server/start.test.ts',
  'tests/server/crash.test.ts',
  'tests/server/locks.test.ts',
];

/** The slowest files, slowest first (measured here, one at a time). */
const SLOWEST = [
  'tests/e2e/linkedin.test.ts',
  'tests/e2e/linkedin-real.test.ts',
  'tests/e2e/firefox.test.ts',
  'tests/server/crash.test.ts',
  'tests/unit/packages.test.ts',
  'tests/extractors/linkedin-real.test.ts',
  'tests/e2e/offline.test.ts',
  'tests/e2e/whole-sale.test.ts',
  'tests/server/locks.test.ts',
  'tests/server/start.test.ts',
  'tests/server/intake.test.ts',
  'tests/server/http.test.ts',
];

/**
 * Vitest starts the files it timed before longest first; a fresh clone (CI) has no timings, and a
 * long file that starts last runs alone at the end. These start first in their group.
 */
class SlowestFirst extends BaseSequencer {
  async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = SLOWEST.findIndex((s) => f.moduleId.endsWith(s));
      return i < 0 ? SLOWEST.length : i;
    };
    const group = (f: TestSpecification) => f.project.config.sequence.groupOrder;
    return sorted
      .map((f, i) => ({ f, i }))
      .sort((a, b) => group(a.f) - group(b.f) || rank(a.f) - rank(b.f) || a.i - b.i)
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
    projects: [
      {
        extends: true,
        test: {
          name: 'parallel',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: PROCESSES,
          // two at a time even on two cores: most of these wait on libSQL files, not on the CPU
          maxWorkers: 2,
          // one module graph per worker: these files share no state but their imports (half the time was importing)
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'processes',
          include: PROCESSES,
          maxWorkers: 2,
          // each file starts its own server, database and browser; the imports (server, Playwright: ~3 s a file) are shared
          isolate: false,
          // the browser tests need the extension built as a user gets it
          globalSetup: ['tests/global-setup.ts'],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
