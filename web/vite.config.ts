import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { fileURLToPath } from 'node:url';

// Built by the server (`vite build --config web/vite.config.ts`) into web/dist, which Fastify serves.
// No inline scripts anywhere: the server's CSP is `script-src 'self'`.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react(), tailwindcss()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // Keep every module script external (never inlined as a data: URL or inline script).
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  server: {
    // `vite --config web/vite.config.ts` for UI work: API calls go to a running `npm start`.
    proxy: { '^/(t/[^/]+/)?api/': 'http://localhost:3000' },
    // The web imports shared code from ../src (docs/adr/002: modules' engine/ and src/core/ja).
    fs: {
      allow: ['.', '../src/modules', '../src/core/ja', '../node_modules'].map((p) => fileURLToPath(new URL(p, import.meta.url))),
    },
  },
});
