import { defineConfig } from 'vitest/config';

// Browser tests: the built docs site (docs/dist) served on 127.0.0.1, driven by Debian's chromium
// through playwright-core. Run with `pnpm test:browser`, which builds the site first.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    // Each file starts its own chromium; on two cores running them one at a time is faster.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
