import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { defineConfig, type Plugin } from 'vite';

// Writes the list of built files and a version derived from it into sw.js, so
// a new build installs a new cache and the old one is deleted on activation.
function precacheManifest(): Plugin {
  return {
    name: 'vitrine-precache-manifest',
    apply: 'build',
    generateBundle(_options, bundle) {
      const sw = bundle['sw.js'];
      if (!sw || sw.type !== 'chunk') throw new Error('sw.js was not built');
      // index.html is emitted after this hook; it names the hashed entry, so
      // the version below still changes whenever it does.
      const files = [
        'index.html',
        ...Object.keys(bundle).filter((file) => file !== 'sw.js' && !file.endsWith('.map')),
      ].sort();
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 16);
      const manifest = JSON.stringify({ version, files });
      const placeholder = /["'`]__PRECACHE_MANIFEST__["'`]/;
      if (!placeholder.test(sw.code)) throw new Error('sw.js has no manifest placeholder');
      sw.code = sw.code.replace(placeholder, JSON.stringify(manifest));
    },
  };
}

export default defineConfig({
  base: '/kiosk/',
  plugins: [react(), precacheManifest()],
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      input: { main: 'index.html', sw: 'src/renderer/sw.ts' },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
