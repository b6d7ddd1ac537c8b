import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The e2e tests spawn the built binary; each spawn costs a Node start-up.
    testTimeout: 20_000,
  },
});
