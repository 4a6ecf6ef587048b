// A real Firebase web client pointed at the local Auth and Functions emulators (or a local backend). It attests the
// way the web app does, through the App Check SDK, with a custom provider standing in for
// reCAPTCHA Enterprise and Google's token exchange: the callable tier enforces App Check (the
// emulator decodes the token, it does not verify a signature; tests/offline/app-check-verification
// covers signatures and replays).
import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import { CustomProvider, initializeAppCheck } from 'firebase/app-check';
import {
  connectAuthEmulator,
  createUserWithEmailAndPassword,
  getAuth,
  GoogleAuthProvider,
  signInWithCredential,
  type Auth,
} from 'firebase/auth';
import {
  connectFunctionsEmulator,
  getFunctions,
  httpsCallable,
  type Functions,
  type HttpsCallableOptions,
} from 'firebase/functions';
import { FUNCTIONS_REGION } from '@mimicit/shared';

export const TEST_APP_ID = '1:123456789012:web:callable-tests';

/**
 * `attested`: a token naming the web app (the default, as the web app sends); `none`: no App
 * Check at all (the extension, a script); a string: that exact token.
 */
export type ClientAppCheck = 'attested' | 'none' | { token: string };

export interface TestClient {
  app: FirebaseApp;
  auth: Auth;
  functions: Functions;
  call<Req, Res>(name: string, data: Req, options?: HttpsCallableOptions): Promise<Res>;
  /** Signs up with Google (the emulator's fake IdP): a verified email, as Google accounts have. */
  signUp(): Promise<string>;
  /** Signs up with an email and password: an account whose email is not verified. */
  signUpUnverified(): Promise<string>;
  close(): Promise<void>;
}

let counter = 0;

/** An App Check token as the emulator reads it: a JWT whose `sub` is the app id, unsigned. */
export function unsignedAppCheckToken(appId = TEST_APP_ID): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: appId, iat: now, exp: now + 3600 })}.`;
}

const uniqueEmail = () => `user-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;

/**
 * `functionsPort`: where callables are served — the Functions emulator (5001) or a local
 * backend (same URL shape).
 */
export function createClient({
  appCheck = 'attested',
  functionsPort = 5001,
}: { appCheck?: ClientAppCheck; functionsPort?: number } = {}): TestClient {
  const app = initializeApp(
    { apiKey: 'demo-api-key', projectId: 'demo-mimicit', appId: TEST_APP_ID },
    `test-${++counter}-${Date.now()}`,
  );
  if (appCheck !== 'none') {
    const token = () => (appCheck === 'attested' ? unsignedAppCheckToken() : appCheck.token);
    initializeAppCheck(app, {
      provider: new CustomProvider({
        getToken: async () => ({ token: token(), expireTimeMillis: Date.now() + 3_600_000 }),
      }),
      isTokenAutoRefreshEnabled: false,
    });
  }
  const auth = getAuth(app);
  connectAuthEmulator(auth, 'http://127.0.0.1:9099', { disableWarnings: true });
  const functions = getFunctions(app, FUNCTIONS_REGION);
  connectFunctionsEmulator(functions, '127.0.0.1', functionsPort);
  return {
    app,
    auth,
    functions,
    async call<Req, Res>(name: string, data: Req, options?: HttpsCallableOptions): Promise<Res> {
      const result = await httpsCallable<Req, Res>(functions, name, options)(data);
      return result.data;
    },
    async signUp(): Promise<string> {
      const claims = { sub: `google-${++counter}-${Date.now()}`, email: uniqueEmail(), email_verified: true };
      const cred = await signInWithCredential(auth, GoogleAuthProvider.credential(JSON.stringify(claims)));
      return cred.user.uid;
    },
    async signUpUnverified(): Promise<string> {
      const cred = await createUserWithEmailAndPassword(auth, uniqueEmail(), 'password-123456');
      return cred.user.uid;
    },
    close: () => deleteApp(app),
  };
}
