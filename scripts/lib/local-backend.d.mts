export const LOCAL_ENTRY: string;
export const DEV_LOCAL_PORT: number;
export const E2E_LOCAL_PORT: number;
export const DEV_DATA_DIR: string;
export function buildLocalBackend(): void;
export function waitForHttp(
  url: string,
  options?: { timeoutMs?: number; isDead?: () => boolean },
): Promise<void>;
export interface RunningBackend {
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
}
export function startLocalBackend(options: {
  port: number;
  dataDir: string;
  timers?: boolean;
  logFile?: string;
  authHost?: string;
  /** `enforce`: App Check enforced as in production (tokens are decoded, not verified). */
  appCheck?: 'off' | 'enforce';
  /** Browser journeys only: image addresses on this host name are fetched from this machine. */
  imageHost?: string;
  /** Extra environment for the backend process (tests: provider keys that are set but unused). */
  env?: Record<string, string>;
}): Promise<RunningBackend>;
