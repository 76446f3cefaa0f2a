import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  // The bundle budget check (scripts/check-bundle.js) reads which chunks each page loads.
  build: { manifest: true },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/socket.io': { target: 'http://localhost:3000', ws: true },
      '/yjs': { target: 'ws://localhost:3000', ws: true },
    },
  },
  test: {
    name: 'client',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    unstubGlobals: true,
    // Several engineers share two cores: jsdom tests can be slow without being wrong.
    testTimeout: 15_000,
  },
});
