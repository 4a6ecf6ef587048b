export const PROJECT_ID: string;
export const ROOT: string;
export const HUB: string;
export function javaMajor(): number;
export function emulatorFilesPresent(): { firestore: boolean; storage: boolean };
export function emulatorTierBlocker(): string | null;
export function startEmulators(options: {
  only: string;
  timeoutMs?: number;
  logFile?: string;
  env?: Record<string, string>;
}): Promise<{ log: string; stop: () => Promise<void> }>;
export function uiFilesPresent(): boolean;
export function configWithoutUi(): string;
export const REGION: string;
