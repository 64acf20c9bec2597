import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // a limit, not a wait: tests wait on conditions; a loaded 2-core machine may need the room
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // e2e files build the extension and start Chromium: run files one at a time on this 2-core machine
    fileParallelism: false,
    globalSetup: ['tests/global-setup.ts'],
  },
});
