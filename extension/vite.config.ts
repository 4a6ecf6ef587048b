import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { crx } from '@crxjs/vite-plugin';
import manifest from './manifest.config.ts';

export default defineConfig({
  plugins: [vue(), crx({ manifest })],
  build: { target: 'es2022', emptyOutDir: true },
  server: { port: 5174, strictPort: true },
});
