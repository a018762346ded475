// Builds the renderer into dist/renderer, served by the desktop app's app:// protocol and by the headless host.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    // No source maps in a build: both transports serve this folder, and a map is the whole renderer's source
    // (8.9 MB). The dev server (`vite`) still has them; renderer-files.ts refuses a stray .map anyway.
    sourcemap: false,
  },
});
