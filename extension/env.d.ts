/// <reference types="vite/client" />
/// <reference types="chrome" />

interface ImportMetaEnv {
  readonly VITE_FIREBASE_API_KEY?: string;
  readonly VITE_FIREBASE_AUTH_DOMAIN?: string;
  readonly VITE_FIREBASE_PROJECT_ID?: string;
  readonly VITE_FIREBASE_STORAGE_BUCKET?: string;
  readonly VITE_USE_EMULATORS?: string;
  readonly VITE_APP_ORIGIN?: string;
  /** "local" for local mode (never honoured in a production build). */
  readonly VITE_BACKEND?: string;
  /** The local backend's origin in local mode (default http://127.0.0.1:5001). */
  readonly VITE_LOCAL_BACKEND_URL?: string;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
