// Shared by the bucket scripts (`npm run storage:lifecycle`, `npm run storage:cors`): which bucket
// to change, a Cloud Storage client, and errors turned into sentences a deployer can act on.
//
// The product's bucket is the project's default Firebase bucket. Projects created since October
// 2024 get `<project-id>.firebasestorage.app`; older ones kept `<project-id>.appspot.com`. With
// --project and no explicit bucket, the scripts try both, in that order, and use the one that
// exists.

/** Prints `message` on stderr and exits. */
export function fail(script, message, code = 1) {
  console.error(`✖ ${script}: ${message}`);
  process.exit(code);
}

/** The default bucket names a Firebase project may have, newest convention first. */
export function defaultBucketCandidates(projectId) {
  return [`${projectId}.firebasestorage.app`, `${projectId}.appspot.com`];
}

/** Turns the Cloud Storage client's errors into an actionable sentence. */
export function explain(err, bucketName) {
  const text = String(err?.message ?? err);
  const code = err?.code ?? err?.response?.status;
  if (/credential|GOOGLE_APPLICATION_CREDENTIALS|does not exist, or it is not a file/i.test(text))
    return (
      'no usable Google Cloud credentials. Set GOOGLE_APPLICATION_CREDENTIALS to a service-account ' +
      `key file or run \`gcloud auth application-default login\` (${text})`
    );
  if (code === 404) return `bucket "${bucketName}" does not exist or is not visible to these credentials`;
  if (code === 401 || code === 403)
    return `the credentials may not change bucket "${bucketName}" (needs storage.buckets.update): ${text}`;
  return `Cloud Storage refused the change: ${text}`;
}

/** A Cloud Storage client through firebase-admin (STORAGE_EMULATOR_HOST points it elsewhere). */
export async function storageClient() {
  // Loaded lazily so --dry-run and argument errors do not pay for the SDK.
  const { getApps, initializeApp } = await import('firebase-admin/app');
  const { getStorage } = await import('firebase-admin/storage');
  return getStorage(getApps()[0] ?? initializeApp());
}

/**
 * The bucket to change: `--bucket`, else $STORAGE_BUCKET, else the default bucket of `--project`
 * (or $GOOGLE_CLOUD_PROJECT) that exists. Exits with a clear message when none can be found.
 * Returns `{ name, bucket }`, `bucket` undefined on a dry run without an explicit name.
 */
export async function resolveBucket(script, { bucket, project, dryRun }) {
  const explicit = bucket ?? process.env.STORAGE_BUCKET;
  const projectId = project ?? process.env.GOOGLE_CLOUD_PROJECT;
  if (!explicit && !projectId)
    fail(script, 'no bucket: pass --bucket <name> or --project <id>, or set STORAGE_BUCKET', 2);
  if (explicit)
    return { name: explicit, bucket: dryRun ? undefined : (await storageClient()).bucket(explicit) };
  const candidates = defaultBucketCandidates(projectId);
  if (dryRun) return { name: candidates.join(' or '), bucket: undefined };
  const storage = await storageClient();
  for (const name of candidates) {
    const candidate = storage.bucket(name);
    try {
      const [exists] = await candidate.exists();
      if (exists) return { name, bucket: candidate };
    } catch (err) {
      fail(script, explain(err, name));
    }
  }
  return fail(
    script,
    `project "${projectId}" has neither default bucket (${candidates.join(', ')}); pass --bucket <name>`,
  );
}
