// Test support: a local fake of the Google endpoints firebase-admin calls to verify tokens, and
// the HTTP agent that routes those hosts, and only those, to it:
// - firebaseappcheck.googleapis.com: the App Check public keys (GET /v1/jwks) and replay
//   protection (POST /v1beta/projects/{project}:verifyAppCheckToken);
// - www.googleapis.com: the certificates ID tokens are signed with (securetoken@…, x509).
// firebase-admin takes the agent through its documented `httpAgent` app option, so everything
// above the network (firebase-admin's JWT checks, firebase-functions' onCall, our guard) is the
// real code. The fake signs tokens with its own keys, as Google does with its own. No network.
import { spawnSync } from 'node:child_process';
import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { Agent } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const APP_CHECK_HOST = 'firebaseappcheck.googleapis.com';
const CERTS_HOST = 'www.googleapis.com';
const CERTS_PATH = '/robot/v1/metadata/x509/securetoken@system.gserviceaccount.com';

export interface AppCheckClaims {
  /** The Firebase app id (`sub`). */
  appId?: string;
  projectId?: string;
  projectNumber?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  /** Sign with this key instead of the published one (a forgery). */
  key?: KeyObject;
}

export interface FakeGoogleVerifiers {
  /** The agent for firebase-admin's `httpAgent`. */
  agent: Agent;
  /** Every request the fake answered, in order. */
  requests: { host: string; method: string; path: string; authorization: string | undefined; body: string }[];
  /** An App Check token as the exchange endpoint issues one (RS256, published `kid`). */
  appCheckToken(claims?: AppCheckClaims): string;
  /** An ID token as Firebase Auth issues one after a Google sign-in. */
  idToken(uid: string, claims?: Record<string, unknown>): string;
  /** A key whose public half is not published. */
  foreignKey: KeyObject;
  close(): Promise<void>;
}

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
function jwt(kid: string, payload: object, key: KeyObject): string {
  const data = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64(payload)}`;
  return `${data}.${createSign('RSA-SHA256').update(data).sign(key).toString('base64url')}`;
}
const rsa = () => generateKeyPairSync('rsa', { modulusLength: 2048 });

/** A self-signed certificate for `key` (the x509 endpoint serves certificates, not bare keys). */
function certificateFor(key: KeyObject): string {
  const dir = mkdtempSync(join(tmpdir(), 'fake-google-'));
  try {
    writeFileSync(join(dir, 'key.pem'), key.export({ format: 'pem', type: 'pkcs8' }));
    const r = spawnSync(
      'openssl',
      [
        'req',
        '-x509',
        '-new',
        '-key',
        'key.pem',
        '-subj',
        '/CN=securetoken',
        '-days',
        '1',
        '-out',
        'cert.pem',
      ],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    if (r.status !== 0) throw new Error(`openssl could not make a certificate: ${r.stderr}`);
    return readFileSync(join(dir, 'cert.pem'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startFakeGoogleVerifiers(project: {
  projectId: string;
  projectNumber: string;
}): Promise<FakeGoogleVerifiers> {
  const appCheckKey = rsa();
  const idTokenKey = rsa();
  const idTokenCert = certificateFor(idTokenKey.privateKey);
  const consumed = new Set<string>();
  const requests: FakeGoogleVerifiers['requests'] = [];

  const answer = (host: string, method: string, path: string, auth: string | undefined, body: string) => {
    if (host === CERTS_HOST && method === 'GET' && path === CERTS_PATH) {
      return { status: 200, value: { 'fake-securetoken-key': idTokenCert }, maxAge: 3600 };
    }
    if (host !== APP_CHECK_HOST) return { status: 404, value: { error: { message: `${host}${path}` } } };
    if (method === 'GET' && path === '/v1/jwks') {
      const jwk = {
        ...appCheckKey.publicKey.export({ format: 'jwk' }),
        kid: 'fake-app-check-key',
        alg: 'RS256',
        use: 'sig',
      };
      return { status: 200, value: { keys: [jwk] } };
    }
    if (method === 'POST' && path === `/v1beta/projects/${project.projectId}:verifyAppCheckToken`) {
      // The real API wants an OAuth token of a principal allowed to verify (tokenVerifier role).
      if (!auth?.startsWith('Bearer '))
        return { status: 401, value: { error: { status: 'UNAUTHENTICATED' } } };
      const token = (JSON.parse(body) as { app_check_token?: string }).app_check_token ?? '';
      const alreadyConsumed = consumed.has(token);
      consumed.add(token);
      return { status: 200, value: { alreadyConsumed } };
    }
    return { status: 404, value: { error: { status: 'NOT_FOUND', message: path } } };
  };

  const server = createServer((req, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const entry = {
        host: req.headers.host ?? '',
        method: req.method ?? '',
        path: req.url ?? '',
        authorization: req.headers.authorization,
        body,
      };
      requests.push(entry);
      const { status, value, maxAge } = answer(
        entry.host,
        entry.method,
        entry.path,
        entry.authorization,
        body,
      );
      res.writeHead(status, {
        'content-type': 'application/json',
        ...(maxAge ? { 'cache-control': `public, max-age=${maxAge}` } : {}),
      });
      res.end(JSON.stringify(value));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  // HTTPS to Google becomes plain HTTP to the fake: the client writes its request on whatever
  // socket the agent hands it. Any other host is refused, so a stray call fails the test.
  class RoutingAgent extends Agent {
    override createConnection(options: { host?: string; servername?: string }): Socket {
      const host = options.servername ?? options.host;
      if (host !== APP_CHECK_HOST && host !== CERTS_HOST)
        throw new Error(`unexpected network call to ${String(host)}`);
      return connect(port, '127.0.0.1');
    }
  }

  const now = () => Math.floor(Date.now() / 1000);
  return {
    agent: new RoutingAgent(),
    requests,
    foreignKey: rsa().privateKey,
    appCheckToken({
      appId = '1:123456789012:web:mimicit',
      projectId = project.projectId,
      projectNumber = project.projectNumber,
      expiresIn = 3600,
      key = appCheckKey.privateKey,
    } = {}) {
      return jwt(
        'fake-app-check-key',
        {
          iss: `https://${APP_CHECK_HOST}/${projectNumber}`,
          aud: [`projects/${projectNumber}`, `projects/${projectId}`],
          sub: appId,
          iat: now() - 10,
          exp: now() + expiresIn,
          jti: randomUUID(),
        },
        key,
      );
    },
    idToken(uid, claims = {}) {
      return jwt(
        'fake-securetoken-key',
        {
          iss: `https://securetoken.google.com/${project.projectId}`,
          aud: project.projectId,
          auth_time: now() - 10,
          user_id: uid,
          sub: uid,
          iat: now() - 10,
          exp: now() + 3600,
          firebase: { identities: {}, sign_in_provider: 'google.com' },
          ...claims,
        },
        idTokenKey.privateKey,
      );
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
