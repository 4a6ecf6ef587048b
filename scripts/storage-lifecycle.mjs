#!/usr/bin/env node
// `npm run storage:lifecycle`: applies storage-lifecycle.json (exports deleted after a day,
// incomplete multipart uploads aborted after a day) to the product's Cloud Storage bucket
// through firebase-admin, and prints what it did.
//   --bucket <name>   the bucket (default: $STORAGE_BUCKET)
//   --project <id>    use the project's default bucket (<id>.firebasestorage.app, or
//                     <id>.appspot.com for projects created before October 2024)
//   --dry-run         print the plan without calling Cloud Storage
// Credentials: Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS or
// `gcloud auth application-default login`). With STORAGE_EMULATOR_HOST set, the Cloud Storage
// client talks to that endpoint instead (used by the offline test with a local fake).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { explain, fail as failWith, resolveBucket } from './lib/bucket.mjs';

const SCRIPT = 'storage:lifecycle';
const FILE = new URL('../storage-lifecycle.json', import.meta.url);
const fail = (message, code) => failWith(SCRIPT, message, code);

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

async function main() {
  const { values } = parseArgs({
    options: {
      bucket: { type: 'string' },
      project: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const dryRun = values['dry-run'];
  const lifecycle = loadLifecycle();
  if (process.env.STORAGE_EMULATOR_HOST && !dryRun)
    console.info(`using the Cloud Storage endpoint ${process.env.STORAGE_EMULATOR_HOST}`);
  const { name, bucket } = await resolveBucket(SCRIPT, { ...values, dryRun });
  console.info(`storage:lifecycle: bucket gs://${name}, ${lifecycle.rule.length} rule(s):`);
  for (const rule of lifecycle.rule) console.info(`  - ${describeRule(rule)}`);
  if (dryRun) {
    console.info('dry run: nothing changed.');
    return;
  }
  try {
    const [before] = await bucket.getMetadata();
    console.info(`previous lifecycle: ${before.lifecycle?.rule?.length ?? 0} rule(s), replaced.`);
    const [after] = await bucket.setMetadata({ lifecycle });
    const applied = after.lifecycle?.rule ?? [];
    console.info(`✔ applied ${applied.length} lifecycle rule(s) to gs://${name}:`);
    for (const rule of applied) console.info(`  - ${describeRule(rule)}`);
  } catch (err) {
    fail(explain(err, name));
  }
}

await main();
