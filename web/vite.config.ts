import { defineConfig, loadEnv } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig(({ mode }) => ({
  plugins: [vue()],
  // Compile-time flags: drop the Options API and vue-i18n's legacy API from the bundle (the app
  // uses <script setup> and the Composition API only).
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'true',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    // A registered App Check debug token (emulators and local mode, README "Security"). Not a
    // VITE_ variable, which any `import.meta.env` read could carry into a bundle: only this
    // define does, and never in a production build.
    __APPCHECK_DEBUG_TOKEN__: JSON.stringify(
      mode === 'production' ? '' : (loadEnv(mode, import.meta.dirname, '').APPCHECK_DEBUG_TOKEN ?? ''),
    ),
  },
  server: { port: 5173, strictPort: true, host: '127.0.0.1' },
  preview: { port: 4173, strictPort: true, host: '127.0.0.1' },
  // firebase/firestore is one ~560 kB chunk, loaded only by the pages that read data.
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 600 },
}));
