// A real Firebase web client pointed at the local Auth and Functions emulators.
import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, createUserWithEmailAndPassword, getAuth, type Auth } from 'firebase/auth';
import { connectFunctionsEmulator, getFunctions, httpsCallable, type Functions } from 'firebase/functions';
import { FUNCTIONS_REGION } from '@mimicit/shared';

export interface TestClient {
  app: FirebaseApp;
  auth: Auth;
  functions: Functions;
  call<Req, Res>(name: string, data: Req): Promise<Res>;
  signUp(): Promise<string>;
  close(): Promise<void>;
}

let counter = 0;

export function createClient(): TestClient {
  const app = initializeApp(
    { apiKey: 'demo-api-key', projectId: 'demo-mimicit' },
    `test-${++counter}-${Date.now()}`,
  );
  const auth = getAuth(app);
  connectAuthEmulator(auth, 'http://127.0.0.1:9099', { disableWarnings: true });
  const functions = getFunctions(app, FUNCTIONS_REGION);
  connectFunctionsEmulator(functions, '127.0.0.1', 5001);
  return {
    app,
    auth,
    functions,
    async call<Req, Res>(name: string, data: Req): Promise<Res> {
      const result = await httpsCallable<Req, Res>(functions, name)(data);
      return result.data;
    },
    async signUp(): Promise<string> {
      const email = `user-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;
      const cred = await createUserWithEmailAndPassword(auth, email, 'password-123456');
      return cred.user.uid;
    },
    close: () => deleteApp(app),
  };
}
