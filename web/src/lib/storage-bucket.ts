/**
 * The Cloud Storage bucket when `VITE_FIREBASE_STORAGE_BUCKET` is not set. Projects created
 * since October 2024 get `<project-id>.firebasestorage.app` (older ones kept
 * `<project-id>.appspot.com` and must set the variable; the README says to copy `storageBucket`
 * from the console's web app config). The Emulator Suite's functions write to
 * `<project-id>.appspot.com`, so emulated builds read from there.
 */
export function defaultStorageBucket(projectId: string, emulated: boolean): string {
  return emulated ? `${projectId}.appspot.com` : `${projectId}.firebasestorage.app`;
}
