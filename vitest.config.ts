import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Tests that start browsers, build the extension or spawn server processes:
 * one file at a time, after the rest (they share `.output`, and a 2-core
 * machine has no room for two browsers).
 */
const SERIAL = [
  'tests/e2e/**/*.test.ts',
  'tests/extractors/linkedin-real.test.ts',
  'tests/unit/packages.test.ts',
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
          exclude: SERIAL,
          // two at a time even on two cores: most of these wait on libSQL files, not on the CPU
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'serial',
          include: SERIAL,
          fileParallelism: false,
          // the browser tests need the extension built as a user gets it
          globalSetup: ['tests/global-setup.ts'],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
