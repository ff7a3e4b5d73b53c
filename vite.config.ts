import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in src/web; the server serves dist/web and answers /api itself, so the dev server
// forwards /api to it (the session cookie then stays same-origin).
const repo = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: `${repo}src/web`,
  plugins: [react()],
  build: {
    outDir: `${repo}dist/web`,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
