import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The build goes straight into the module's jar (static/ on the gateway's classpath, served at /): hashed files
// under /assets/ that the gateway serves as immutable, and index.html that it serves for every client-side route.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    reportCompressedSize: true,
  },
  server: {
    // npm run dev beside ./tickitecking up: the API is the gateway's, same origin as in production
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
