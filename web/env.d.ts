/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_FIREBASE_API_KEY?: string;
  readonly VITE_FIREBASE_AUTH_DOMAIN?: string;
  readonly VITE_FIREBASE_PROJECT_ID?: string;
  readonly VITE_FIREBASE_STORAGE_BUCKET?: string;
  readonly VITE_FIREBASE_APP_ID?: string;
  /** "true" to talk to the local Emulator Suite (default in dev). */
  readonly VITE_USE_EMULATORS?: string;
  readonly VITE_EXTENSION_IDS?: string;
  /** "local" for local mode (never honoured in a production build; README "Local mode"). */
  readonly VITE_BACKEND?: string;
  /** The local backend's origin in local mode (default http://127.0.0.1:5001). */
  readonly VITE_LOCAL_BACKEND_URL?: string;
  /** The score-based reCAPTCHA Enterprise site key App Check attests with (production). */
  readonly VITE_RECAPTCHA_ENTERPRISE_SITE_KEY?: string;
}
/** `APPCHECK_DEBUG_TOKEN` at build time; always empty in a production build (vite.config.ts). */
declare const __APPCHECK_DEBUG_TOKEN__: string;

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
