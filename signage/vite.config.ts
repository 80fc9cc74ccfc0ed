import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { offlineShell } from '../shared/offline-shell.config';

export default defineConfig({
  base: '/signage/',
  plugins: [react(), VitePWA(offlineShell)],
  worker: { format: 'es' },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
