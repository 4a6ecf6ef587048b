/**
 * Test support for local mode: the local data API served in-process over a temporary folder
 * (its real store, blob store, rules and token checks), and Auth-emulator-style ID tokens.
 * Only imported by tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { LOCAL_PROJECT_ID } from '../../src/local/defaults.js';
import { emulatorTokenVerifier } from '../../src/local/data/caller.js';
import { dataApi } from '../../src/local/data/routes.js';
import { FileBlobStore } from '../../src/local/store/file-blobs.js';
import { FileStore } from '../../src/local/store/file-store.js';

/**
 * An ID token shaped like the Auth emulator's (unsigned, `alg: none`); `claims` add to it (a
 * Google account's `email` and `email_verified`, say).
 */
export function emulatorIdToken(
  uid: string,
  projectId = LOCAL_PROJECT_ID,
  claims: Record<string, unknown> = {},
): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({
    iss: `https://securetoken.google.com/${projectId}`,
    aud: projectId,
    auth_time: now,
    user_id: uid,
    sub: uid,
    iat: now,
    exp: now + 3600,
    firebase: { identities: {}, sign_in_provider: 'custom' },
    ...claims,
  })}.`;
}

export interface DataApiServer {
  url: string;
  store: FileStore;
  blobs: FileBlobStore;
  close(): Promise<void>;
}

/** Serves the local data API on a free port, over a fresh temporary folder. */
export async function serveDataApi(): Promise<DataApiServer> {
  const dir = mkdtempSync(join(tmpdir(), 'mimicit-local-'));
  const store = await FileStore.open(join(dir, 'store'));
  const blobs = new FileBlobStore(join(dir, 'blobs'), (p) => `signed:${p}`);
  const app = express();
  app.use(dataApi({ store, blobs, verify: emulatorTokenVerifier(LOCAL_PROJECT_ID) }));
  const server = createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    store,
    blobs,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
