#!/usr/bin/env node
// `npm run storage:lifecycle`: applies storage-lifecycle.json (exports deleted after a day,
// incomplete multipart uploads aborted after a day) to the product's Cloud Storage bucket
// through firebase-admin, and prints what it did.
//   --bucket <name>   the bucket (default: $STORAGE_BUCKET)
//   --dry-run         print the plan without calling Cloud Storage
// Credentials: Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS or
// `gcloud auth application-default login`). With STORAGE_EMULATOR_HOST set, the Cloud Storage
// client talks to that endpoint instead (used by the offline test with a local fake).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const FILE = new URL('../storage-lifecycle.json', import.meta.url);

function fail(message, code = 1) {
  console.error(`✖ storage:lifecycle: ${message}`);
  process.exit(code);
}

/** One line per rule, in words. */
function describeRule(rule) {
  const c = rule.condition ?? {};
  const where = c.matchesPrefix?.length ? `under ${c.matchesPrefix.join(', ')}` : 'anywhere in the bucket';
  const age = typeof c.age === 'number' ? `older than ${c.age} day${c.age === 1 ? '' : 's'}` : '';
  const what =
    rule.action?.type === 'Delete'
      ? 'delete objects'
      : rule.action?.type === 'AbortIncompleteMultipartUpload'
        ? 'abort incomplete multipart uploads'
        : (rule.action?.type ?? 'unknown action');
  return [what, age, where].filter(Boolean).join(' ');
}

function loadLifecycle() {
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(FILE, 'utf8'));
  } catch (err) {
    fail(`cannot read ${FILE.pathname}: ${err.message}`);
  }
  const rules = parsed?.rule;
  if (!Array.isArray(rules) || rules.length === 0) fail(`${FILE.pathname} has no "rule" array`);
  for (const rule of rules) {
    if (typeof rule?.action?.type !== 'string' || typeof rule?.condition !== 'object')
      fail(`every rule needs an action.type and a condition: ${JSON.stringify(rule)}`);
  }
  return { rule: rules };
}

/** Turns the Cloud Storage client's errors into an actionable sentence. */
function explain(err, bucketName) {
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

async function main() {
  const { values } = parseArgs({
    options: { bucket: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
  });
  const bucketName = values.bucket ?? process.env.STORAGE_BUCKET;
  if (!bucketName) fail('no bucket: pass --bucket <name> or set STORAGE_BUCKET', 2);

  const lifecycle = loadLifecycle();
  console.info(`storage:lifecycle: bucket gs://${bucketName}, ${lifecycle.rule.length} rule(s):`);
  for (const rule of lifecycle.rule) console.info(`  - ${describeRule(rule)}`);
  if (values['dry-run']) {
    console.info('dry run: nothing changed.');
    return;
  }
  if (process.env.STORAGE_EMULATOR_HOST)
    console.info(`using the Cloud Storage endpoint ${process.env.STORAGE_EMULATOR_HOST}`);

  // Loaded lazily so --dry-run and argument errors do not pay for the SDK.
  const { getApps, initializeApp } = await import('firebase-admin/app');
  const { getStorage } = await import('firebase-admin/storage');
  const app = getApps()[0] ?? initializeApp();
  const bucket = getStorage(app).bucket(bucketName);
  try {
    const [before] = await bucket.getMetadata();
    console.info(`previous lifecycle: ${before.lifecycle?.rule?.length ?? 0} rule(s), replaced.`);
    const [after] = await bucket.setMetadata({ lifecycle });
    const applied = after.lifecycle?.rule ?? [];
    console.info(`✔ applied ${applied.length} lifecycle rule(s) to gs://${bucketName}:`);
    for (const rule of applied) console.info(`  - ${describeRule(rule)}`);
  } catch (err) {
    fail(explain(err, bucketName));
  }
}

await main();
