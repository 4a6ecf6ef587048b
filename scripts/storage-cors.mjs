#!/usr/bin/env node
// `npm run storage:cors`: applies storage-cors.json to the product's Cloud Storage bucket. The
// web app and the extension read generated images with the Storage SDK's getBlob (bytes under
// the security rules, never public URLs), a cross-origin GET the browser only lets through when
// the bucket's CORS configuration names the app's origin. The file allows GET only; its
// "$APP_ORIGINS" entry is replaced by the app's exact origins.
//   --origins <list>  the web app's exact origins, comma-separated (default: $APP_ORIGINS, the
//                     same value the functions use)
//   --bucket <name>   the bucket (default: $STORAGE_BUCKET)
//   --project <id>    use the project's default bucket (<id>.firebasestorage.app, or
//                     <id>.appspot.com for projects created before October 2024)
//   --dry-run         print the configuration without calling Cloud Storage
// Credentials and STORAGE_EMULATOR_HOST: as `npm run storage:lifecycle`.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { explain, fail as failWith, resolveBucket } from './lib/bucket.mjs';

const SCRIPT = 'storage:cors';
const FILE = new URL('../storage-cors.json', import.meta.url);
const PLACEHOLDER = '$APP_ORIGINS';
const fail = (message, code) => failWith(SCRIPT, message, code);

/**
 * An exact web origin: https (http only for this machine), a host, an optional port, nothing
 * else. Never a wildcard: any site could then read the bytes a signed-in person can.
 */
const ORIGIN = /^(https:\/\/[a-z0-9.-]+|http:\/\/(localhost|127\.0\.0\.1))(:\d{1,5})?$/;

function parseOrigins(raw) {
  const origins = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (origins.length === 0)
    fail("no origins: pass --origins https://your.app or set APP_ORIGINS (the web app's exact origins)", 2);
  for (const origin of origins) {
    if (!ORIGIN.test(origin))
      fail(
        `"${origin}" is not an exact web origin (https://host[:port], no path, no wildcard; http only for localhost)`,
        2,
      );
  }
  return origins;
}

/** The file's rules with the placeholder replaced; GET only, checked. */
function loadCors(origins) {
  let rules;
  try {
    rules = JSON.parse(readFileSync(FILE, 'utf8'));
  } catch (err) {
    fail(`cannot read ${FILE.pathname}: ${err.message}`);
  }
  if (!Array.isArray(rules) || rules.length === 0)
    fail(`${FILE.pathname} must be a non-empty array of rules`);
  return rules.map((rule) => {
    const methods = rule?.method ?? [];
    if (methods.length === 0 || methods.some((m) => m !== 'GET'))
      fail(`${FILE.pathname}: only GET is allowed (found ${JSON.stringify(methods)})`);
    return { ...rule, origin: (rule.origin ?? []).flatMap((o) => (o === PLACEHOLDER ? origins : [o])) };
  });
}

async function main() {
  const { values } = parseArgs({
    options: {
      origins: { type: 'string' },
      bucket: { type: 'string' },
      project: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const dryRun = values['dry-run'];
  const cors = loadCors(parseOrigins(values.origins ?? process.env.APP_ORIGINS));
  if (process.env.STORAGE_EMULATOR_HOST && !dryRun)
    console.info(`using the Cloud Storage endpoint ${process.env.STORAGE_EMULATOR_HOST}`);
  const { name, bucket } = await resolveBucket(SCRIPT, { ...values, dryRun });
  console.info(`storage:cors: bucket gs://${name}:`);
  for (const rule of cors) console.info(`  - ${rule.method.join(', ')} from ${rule.origin.join(', ')}`);
  if (dryRun) {
    console.info('dry run: nothing changed.');
    return;
  }
  try {
    const [before] = await bucket.getMetadata();
    console.info(`previous CORS configuration: ${before.cors?.length ?? 0} rule(s), replaced.`);
    const [after] = await bucket.setMetadata({ cors });
    console.info(`✔ applied ${after.cors?.length ?? 0} CORS rule(s) to gs://${name}.`);
  } catch (err) {
    fail(explain(err, name));
  }
}

await main();
