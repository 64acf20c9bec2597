import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

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

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    // a limit, not a wait: tests wait on conditions; a loaded 2-core machine may need the room
    testTimeout: 60_000,
    hookTimeout: 120_000,
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
          // the browser tests need the extension built as a user gets it
          globalSetup: ['tests/global-setup.ts'],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
