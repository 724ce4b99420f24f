import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const fromHere = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

const apiTarget = process.env.API_URL ?? 'http://127.0.0.1:3000';

/** Forwards /api with the browser's Host header intact: the API picks the workspace from its first label. */
const proxy = {
  '/api': { target: apiTarget, changeOrigin: false, ws: true },
};

export default defineConfig({
  // The root build calls `vite build --config apps/tenant-web/vite.config.ts`, so never rely on cwd.
  root: here,
  publicDir: fromHere('./public'),
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: [
      { find: /^@instagrowth\/contracts$/, replacement: fromHere('../../libs/contracts/src/index.ts') },
      { find: /^@instagrowth\/authz$/, replacement: fromHere('../../libs/authz/src/index.ts') },
      { find: /^@\//, replacement: fromHere('./src/') },
    ],
  },
  build: {
    outDir: fromHere('./dist'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 600,
  },
  server: {
    port: 5173,
    strictPort: true,
    // Every workspace is a subdomain: demo.localhost:5173, acme.instagrowth.test:5173, …
    allowedHosts: ['.localhost', '.test'],
    proxy,
  },
  preview: {
    port: 4173,
    allowedHosts: ['.localhost', '.test'],
    proxy,
  },
});
