import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Where `pnpm dev` forwards API and socket.io traffic: the server started beside it. */
const serverUrl =
  process.env.THREATLOOM_SERVER_URL ??
  `http://127.0.0.1:${process.env.THREATLOOM_SERVER_PORT ?? '3000'}`;

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The server's CSP allows scripts from 'self' only: no inline module-preload polyfill.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2_500,
  },
  server: {
    proxy: {
      '/api': { target: serverUrl, changeOrigin: false },
      '/socket.io': { target: serverUrl, ws: true, changeOrigin: false },
    },
  },
});
