// Browser tests: the built app (dist/) served by `vite preview` on localhost, driven in Debian's Chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    environment: 'node',
    testTimeout: 240_000,
    hookTimeout: 90_000,
    // One browser at a time: the machine has 2 cores and software WebGL.
    fileParallelism: false,
  },
});
