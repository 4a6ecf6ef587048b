// The local backend for a browser test file: the real process (functions/lib-local), on the e2e
// port, over a fresh data folder; restartable mid-test, with its scheduled jobs on demand.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { E2E_LOCAL_PORT, startLocalBackend, type RunningBackend } from '../../scripts/lib/local-backend.mjs';
import { ROOT } from '../../scripts/lib/emulators.mjs';
import { FileStore } from '../../functions/src/local/store/file-store';
import type { MemoryStore } from '../../functions/src/lib/store/memory-store';
import { LOCAL_PROJECT_ID } from '../../functions/src/local/defaults';
import { emulatorIdToken } from '../../functions/src/local/testing';
import { FUNCTIONS_REGION } from '@mimicit/shared';

/** The provider secrets' names (functions/src/lib/config.ts). */
const PROVIDER_KEYS = ['GEMINI_API_KEY', 'OPENAI_API_KEY', 'FAL_KEY'];

export interface TestBackend {
  readonly url: string;
  /** The backend's data folder (store journal, blob files). */
  readonly dataDir: string;
  /** Its log (stdout and stderr, across restarts). */
  readonly logFile: string;
  /** Whether the blob store holds an object at `path` (read from its folder). */
  hasObject(path: string): boolean;
  /** What the store holds right now, read from its folder as a restart would. */
  readStore(): Promise<MemoryStore>;
  /** Stops the process and starts a new one on the same data folder. */
  restart(): Promise<void>;
  /** Runs a scheduled function now (`sweepStuckGenerations`, `purgeExpiredData`). */
  runJob(name: string): Promise<void>;
  /**
   * Calls a callable as `uid` (an Auth-emulator-style ID token with `claims`, as the backend
   * reads it) and returns its result; rejects with the error body on a refusal.
   */
  callAs(uid: string, name: string, data: unknown, claims?: Record<string, unknown>): Promise<unknown>;
  stop(): Promise<void>;
}

export async function startTestBackend(
  name: string,
  {
    appCheck = 'off',
    imageHost,
    providerKeys = false,
  }: {
    appCheck?: 'off' | 'enforce';
    imageHost?: string;
    /**
     * Every provider's key set (to a value no provider accepts), as in production: the catalog
     * serves those models as usable instead of `not-configured`. For tests about the catalog's
     * other states or a refusal that comes before any provider call; nothing may generate with them.
     */
    providerKeys?: boolean;
  } = {},
): Promise<TestBackend> {
  const dataDir = mkdtempSync(join(tmpdir(), `mimicit-${name}-`));
  const logFile = join(ROOT, 'artifacts', `local-backend-${name}.log`);
  mkdirSync(dirname(logFile), { recursive: true });
  writeFileSync(logFile, '');
  const env = providerKeys ? Object.fromEntries(PROVIDER_KEYS.map((k) => [k, 'unused-test-key'])) : {};
  const start = () => startLocalBackend({ port: E2E_LOCAL_PORT, dataDir, logFile, appCheck, imageHost, env });
  let running: RunningBackend = await start();
  return {
    get url() {
      return running.url;
    },
    dataDir,
    logFile,
    hasObject: (path) => existsSync(join(dataDir, 'blobs', 'objects', encodeURIComponent(path))),
    readStore: () => FileStore.read(join(dataDir, 'store')),
    async restart() {
      await running.stop();
      running = await start();
    },
    async runJob(job) {
      const res = await fetch(`${running.url}/local/v1/jobs/${job}`, { method: 'POST' });
      if (!res.ok) throw new Error(`${job}: HTTP ${res.status} ${await res.text()}`);
    },
    async callAs(uid, name, data, claims = {}) {
      const res = await fetch(`${running.url}/${LOCAL_PROJECT_ID}/${FUNCTIONS_REGION}/${name}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${emulatorIdToken(uid, LOCAL_PROJECT_ID, claims)}`,
        },
        body: JSON.stringify({ data }),
      });
      const body = (await res.json()) as { result?: unknown; error?: unknown };
      if (!res.ok) throw new Error(`${name}: HTTP ${res.status} ${JSON.stringify(body.error)}`);
      return body.result;
    },
    async stop() {
      await running.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
