import { defineConfig } from 'vite';

/**
 * `npm run build:explorer` writes dist/, which the API serves at /explorer/ (src/server/explorer.ts):
 * the base makes every asset URL absolute under it, and hashed names let the API cache them.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/explorer/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // A module's inline <script> or a data: URL would need a weaker Content-Security-Policy.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1024,
  },
  server: {
    // `vite explorer` during development: the API (npm start) answers /graphql.
    proxy: { '/graphql': 'http://127.0.0.1:4000' },
  },
});
